import Foundation

extension DiffReport {
    /// The JSON report, a stable shape with sorted keys:
    /// `{"version": 1, "counts": {"added", "changed", "removed"}, "added": […], "changed": […], "removed": […],
    /// "notes": […]}`, each file `{"path", "url", "kind", "title"?, "sources"}` (a changed file as the new build has it).
    public func json() -> String {
        let document = Document(
            version: Manifest.currentVersion,
            counts: .init(added: diff.added.count, changed: diff.changed.count, removed: diff.removed.count),
            added: diff.added.map(Item.init), changed: diff.changed.map(Item.init), removed: diff.removed.map(Item.init),
            notes: notes
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Strings, numbers and arrays of them: encoding cannot fail.
        return String(decoding: (try? encoder.encode(document)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }

    private struct Document: Encodable {
        struct Counts: Encodable { let added, changed, removed: Int }
        let version: Int
        let counts: Counts
        let added, changed, removed: [Item]
        let notes: [String]
    }

    private struct Item: Encodable {
        let path, url: String
        let kind: Manifest.Kind
        let title: String?
        let sources: [String]

        init(_ entry: Manifest.Entry) {
            (path, url, kind, title, sources) = (entry.path, entry.url, entry.kind, entry.title, entry.sources)
        }
    }
}
