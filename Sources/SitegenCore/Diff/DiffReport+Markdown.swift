extension DiffReport {
    /// Groups of more entries than this are folded into `<details>` (articles never are).
    static let foldAbove = 5

    /// The sections of the Markdown report, in order.
    enum Group: CaseIterable {
        case articles, lists, feeds, data, search, assets, other

        var title: String {
            switch self {
            case .articles: "Articles"
            case .lists: "Lists"
            case .feeds: "Feeds and sitemap"
            case .data: "Data"
            case .search: "Search"
            case .assets: "Assets and files"
            case .other: "Other pages"
            }
        }

        init(_ kind: Manifest.Kind) {
            switch kind {
            case .article: self = .articles
            case .home, .tag, .category, .tagsIndex, .categoriesIndex, .archive: self = .lists
            case .feed, .sitemap: self = .feeds
            case .data: self = .data
            case .search, .searchIndex: self = .search
            case .asset, .static, .contentFile: self = .assets
            case .notFound, .redirect, .robots: self = .other
            }
        }
    }

    /// A pull-request comment: a heading, the counts, then the articles (titles linked to the new build),
    /// then the other files by group, changed before added before removed, long groups folded.
    public func markdown() -> String {
        var lines = ["## Changed pages", ""]
        let count = diff.changed.count
        if diff.isEmpty {
            lines.append("No files changed: the two builds are identical.")
        } else {
            lines.append("\(count) \(count == 1 ? "file" : "files") changed, \(diff.added.count) added, \(diff.removed.count) removed.")
        }
        for note in notes { lines += ["", "> **Note:** \(Self.escaped(note))"] }
        let all = [("Changed", diff.changed), ("Added", diff.added), ("Removed", diff.removed)]
            .flatMap { status, entries in entries.map { (status, $0) } }
        for group in Group.allCases {
            let items = all.filter { Group($0.1.kind) == group }.map { status, entry in "- \(status): \(label(entry, removed: status == "Removed"))" }
            guard !items.isEmpty else { continue }
            if group != .articles && items.count > Self.foldAbove {
                lines += ["", "<details>", "<summary>\(group.title) (\(items.count))</summary>", ""] + items + ["", "</details>"]
            } else {
                lines += ["", "### \(group.title)", ""] + items
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `[Title](link)`, `` [`feed.xml`](link) ``; a removed file is named with its old URL, not linked.
    private func label(_ entry: Manifest.Entry, removed: Bool) -> String {
        let name = entry.title.map(Self.escaped) ?? "`\(entry.path)`"
        if removed { return entry.title == nil ? name : "\(name) (`\(entry.url)`)" }
        guard let link = link(entry) else { return entry.title == nil ? name : "\(name) (`\(entry.url)`)" }
        return "[\(name)](\(link))"
    }

    /// Text with Markdown's inline syntax characters escaped, so a title shows as it is.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>|~&".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
