/// A `ManifestDiff` written out: plain text for a terminal, Markdown for a pull-request comment, or JSON
/// for programs. Every format lists files in path order and carries no timestamps, so equal builds give
/// equal reports.
public struct DiffReport: Sendable, Hashable {
    /// The files that differ.
    public var diff: ManifestDiff
    /// Where the new build is published (`https://preview.example.org/pr-42/`): the Markdown links point there.
    /// Empty when unknown; then pages are named, not linked.
    public var linkBase: String
    /// The base path the new build's URLs carry (`/pr-42/`), replaced by `linkBase` in links.
    public var basePath: String
    /// What a reader must know to trust the report, such as a side read without a manifest.
    public var notes: [String]

    /// Compares `old` with `new`; links go under `baseURL`, or under the new build's own base URL.
    public init(old: Manifest, new: Manifest, baseURL: String? = nil, notes: [String] = []) {
        diff = ManifestDiff(old: old, new: new)
        let base = baseURL ?? new.baseURL
        linkBase = base.isEmpty || base.hasSuffix("/") ? base : base + "/"
        basePath = new.basePath
        var notes = notes
        if !old.baseURL.isEmpty, !new.baseURL.isEmpty, old.baseURL != new.baseURL {
            notes.append("the builds have different base URLs (\(old.baseURL) and \(new.baseURL)): every page that shows a URL differs for that alone")
        }
        self.notes = notes
    }

    /// `1 added, 2 changed, 0 removed`, then the sections `Added:`, `Changed:`, `Removed:` (those not
    /// empty) with one `path  (title)` line per file; notes come first, as `note: …` lines.
    public func text() -> String {
        var lines = notes.map { "note: \($0)" }
        lines.append("\(diff.added.count) added, \(diff.changed.count) changed, \(diff.removed.count) removed")
        for (heading, entries) in [("Added", diff.added), ("Changed", diff.changed), ("Removed", diff.removed)] where !entries.isEmpty {
            lines.append(heading + ":")
            lines += entries.map { "  " + $0.path + ($0.title.map { "  (\($0))" } ?? "") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The link to a page of the new build, or nil when the report has no base URL.
    func link(_ entry: Manifest.Entry) -> String? {
        guard !linkBase.isEmpty else { return nil }
        let route = entry.url.hasPrefix(basePath) ? entry.url.dropFirst(basePath.count) : entry.url.drop { $0 == "/" }
        return linkBase + route
    }
}
