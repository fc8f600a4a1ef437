/// Describes each output file for the build's `Manifest`: its kind, title, URL and the sources it shows.
/// Pure: it hashes the files held in memory; files copied from disk are hashed by `OutputWriter`.
struct ManifestBuilder: Sendable {
    let models: ViewModels
    /// Feed path → title and entries (article indices), as `FeedWriter` writes them.
    private let feeds: [String: (title: String, entries: [Int])]
    /// `comparisons/<id>` or `decisions/<id>` → the data file it is read from.
    private let dataSources: [String: String]

    init(models: ViewModels, tree: SourceTree) {
        self.models = models
        let site = models.site
        // The same length rule as `FeedWriter`: `feed_length` entries, 0 for all.
        func newest(_ entries: [Int]) -> [Int] {
            site.config.feedLength == 0 ? entries : Array(entries.prefix(site.config.feedLength))
        }
        let all = newest(Array(site.articles.indices))
        var feeds: [String: (title: String, entries: [Int])] = [
            FeedRoutes.rss: ("RSS feed", all), FeedRoutes.atom: ("Atom feed", all), FeedRoutes.json: ("JSON feed", all),
        ]
        for kind in [TermKind.tag, .category] {
            for term in models.terms(kind) {
                feeds[kind.route(term.slug) + "atom.xml"] = ("Atom feed: \(kind.title) \(term.name)", newest(term.articles))
            }
        }
        self.feeds = feeds
        var dataSources: [String: String] = [:]
        for (folder, key) in [(DataParser.comparisonsFolder, "comparisons/"), (DataParser.decisionsFolder, "decisions/")] {
            for path in tree.content.keys.sorted() where path.hasPrefix(folder) {
                let name = path.dropFirst(folder.count)
                guard let dot = name.lastIndex(of: ".") else { continue }
                if dataSources[key + name[..<dot]] == nil { dataSources[key + name[..<dot]] = path }
            }
        }
        self.dataSources = dataSources
    }

    private var site: Site { models.site }

    /// A page rendered from a template.
    func page(_ job: PageJob) -> Manifest.Entry { models.manifestEntry(for: job) }

    /// A site feed or a tag's or category's Atom feed.
    func feed(_ path: String) -> Manifest.Entry {
        let feed = feeds[path]
        return Manifest.Entry(path: path, kind: .feed, title: feed?.title, url: models.urls.path(path),
                              sources: (feed?.entries ?? []).map { site.articles[$0].path })
    }

    /// `sitemap.xml`: it lists every article's page and the dates of all of them.
    func sitemap(_ path: String) -> Manifest.Entry {
        Manifest.Entry(path: path, kind: .sitemap, url: models.urls.path(path), sources: site.articles.map(\.path))
    }

    /// A file made from nothing but the configuration, such as `robots.txt`.
    func generated(_ path: String, kind: Manifest.Kind) -> Manifest.Entry {
        Manifest.Entry(path: path, kind: kind, url: models.urls.path(path))
    }

    /// A published comparison or decision helper, from its data file (the schema has none).
    func data(_ path: String) -> Manifest.Entry {
        var key: String?
        if let name = path.stripping("data/comparisons/") {
            key = "comparisons/" + name.dropLast(name.hasSuffix(".json") ? 5 : 4)
        } else if let name = path.stripping("data/decision-helper/") {
            key = "decisions/" + name.dropLast(5)
        }
        return Manifest.Entry(path: path, kind: .data, url: models.urls.path(path), sources: key.flatMap { dataSources[$0] }.map { [$0] } ?? [])
    }

    /// A file copied as it is from `source`.
    func copy(_ path: String, kind: Manifest.Kind, source: String) -> Manifest.Entry {
        Manifest.Entry(path: path, kind: kind, url: models.urls.path(path), sources: [source])
    }
}

private extension String {
    /// The rest of the string after `prefix`, or nil when it does not start with it.
    func stripping(_ prefix: String) -> String? { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil }
}
