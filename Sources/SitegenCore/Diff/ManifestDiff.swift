/// What differs between two builds, file by file: the files only the new build has, those whose bytes
/// differ, and those only the old build has. Each list is sorted by path.
public struct ManifestDiff: Sendable, Hashable {
    /// Entries of the new manifest.
    public var added: [Manifest.Entry]
    /// Entries of the new manifest (its title, URL and sources) whose hash differs from the old one's.
    public var changed: [Manifest.Entry]
    /// Entries of the old manifest.
    public var removed: [Manifest.Entry]

    /// Compares two manifests by path and hash.
    public init(old: Manifest, new: Manifest) {
        let before = Dictionary(old.entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Set(new.entries.map(\.path))
        added = []
        changed = []
        for entry in new.entries.sorted(by: { $0.path < $1.path }) {
            guard let previous = before[entry.path] else {
                added.append(entry)
                continue
            }
            // An unknown hash (never in a written manifest) cannot show the file is unchanged.
            if entry.sha256 == nil || entry.sha256 != previous.sha256 { changed.append(entry) }
        }
        removed = old.entries.filter { !after.contains($0.path) }.sorted { $0.path < $1.path }
    }

    /// True when the two builds hold the same files with the same bytes.
    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }
}
