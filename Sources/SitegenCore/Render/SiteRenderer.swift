/// The render stage: every page through its template (in parallel), feeds, sitemap, and the files
/// copied as they are, with the manifest that describes them. Reports two outputs claiming one path as
/// an error at the source of each.
struct SiteRenderer: Sendable {
    let templates: TemplateRenderer

    /// What rendering produced, and what the next render of a changed site may reuse.
    struct Rendered: Sendable {
        var files: [OutputFile]
        var manifest: Manifest
        var diagnostics: [Diagnostic]
        var cache: RenderCache
        /// The view models and pages the files were rendered from.
        var models: ViewModels
        var jobs: [PageJob]
    }

    /// Renders `site`; a page whose template and view model equal those in `cache`, and a feed whose
    /// entries have the same revisions, are taken from it instead: the bytes are the same either way.
    func render(_ site: Site, tree: SourceTree, contentCopies: [String: String], cache: RenderCache = RenderCache()) async -> Rendered {
        let models = ViewModels(site: site)
        let jobs = models.jobs()
        let reusable = cache.templates == tree.templates ? cache.pages : [:]
        let pages = await jobs.parallelMap { [templates] job -> RenderCache.Page in
            let path = Routes.outputPath(job.route), context = models.context(for: job)
            if let cached = reusable[path], cached.template == job.template, cached.context == context { return cached }
            return RenderCache.Page(template: job.template, context: context, file: OutputFile(path: path, contents: .bytes(templates.render(job.template, context))), fresh: true)
        }
        var newCache = RenderCache(templates: tree.templates)
        let describe = ManifestBuilder(models: models, tree: tree)
        var table = OutputTable()
        for (job, page) in zip(jobs, pages) {
            table.add(page.file, origin: origin(of: job, site: site), entry: describe.page(job))
            newCache.pages[page.file.path] = RenderCache.Page(template: page.template, context: page.context, file: page.file, fresh: false)
        }
        let sitemap = SitemapWriter(models: models)
        let (feeds, feedCache) = await FeedWriter(models: models).files(cache: cache.feeds)
        newCache.feeds = feedCache
        for file in feeds { table.add(file, origin: .generated, entry: describe.feed(file.path)) }
        let map = sitemap.sitemap(jobs), robots = sitemap.robots()
        table.add(map, origin: .generated, entry: describe.sitemap(map.path))
        table.add(robots, origin: .generated, entry: describe.generated(robots.path, kind: .robots))
        for file in DataFiles(data: site.data).files() { table.add(file, origin: .generated, entry: describe.data(file.path)) }
        let search = await SearchFiles(models: models).files()
        newCache.search = search.state
        for file in search.files {
            table.add(file, origin: .generated, entry: describe.generated(file.path, kind: .searchIndex))
        }
        for path in tree.templates.keys.sorted() where path.hasPrefix("templates/assets/") {
            let file = OutputFile(path: String(path.dropFirst("templates/".count)), contents: .bytes(tree.templates[path]!))
            table.add(file, origin: .file(path, nil), entry: describe.copy(file.path, kind: .asset, source: path))
        }
        for (output, source) in contentCopies.sorted(by: { $0.key < $1.key }) {
            let file = OutputFile(path: output, contents: .bytes(tree.content[source]!))
            table.add(file, origin: .file(source, nil), entry: describe.copy(output, kind: .contentFile, source: source))
        }
        for path in tree.staticFiles.keys.sorted() {
            let file = OutputFile(path: String(path.dropFirst("public/".count)), contents: tree.staticFiles[path]!)
            table.add(file, origin: .file(path, nil), entry: describe.copy(file.path, kind: .static, source: path))
        }
        // Pages and feeds taken from the cache keep their hashes; everything else is hashed again.
        var known: [String: String] = [:]
        for page in pages where !page.fresh { known[page.file.path] = cache.hashes[page.file.path] }
        for (path, feed) in feedCache.feeds where !feed.fresh { known[path] = cache.hashes[path] }
        let manifest = await describe.manifest(table.files, entries: table.entries, knownHashes: known)
        newCache.hashes = Dictionary(uniqueKeysWithValues: manifest.entries.compactMap { entry in entry.sha256.map { (entry.path, $0) } })
        newCache.rendered = Set(pages.filter(\.fresh).map(\.file.path) + feedCache.feeds.filter { $0.value.fresh }.map(\.key))
        newCache.feeds.markReused()
        return Rendered(files: table.files, manifest: manifest, diagnostics: table.diagnostics, cache: newCache, models: models, jobs: jobs)
    }

    private func origin(of job: PageJob, site: Site) -> OutputTable.Origin {
        switch job.kind {
        case .article(let index):
            let article = site.articles[index]
            return .file(article.path, article.meta.positions["slug"] ?? FilePosition(line: 1, column: 1))
        case .redirect(let index, _):
            let article = site.articles[index]
            return .file(article.path, article.meta.positions["aliases"])
        default:
            return .generated
        }
    }
}

/// Output files by path; the first claim of a path wins and later ones are reported.
struct OutputTable {
    enum Origin: Equatable {
        case generated
        case file(String, FilePosition?)

        var description: String {
            switch self {
            case .generated: return "a generated page"
            case .file(let path, _): return path
            }
        }
    }

    private(set) var files: [OutputFile] = []
    /// The manifest entry of each file, by path.
    private(set) var entries: [String: Manifest.Entry] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    private var owners: [String: Origin] = [:]

    mutating func add(_ file: OutputFile, origin: Origin, entry: Manifest.Entry) {
        if let owner = owners[file.path] {
            diagnostics.append(collision(file.path, owner: owner, origin: origin))
            return
        }
        owners[file.path] = origin
        files.append(file)
        entries[file.path] = entry
    }

    private func collision(_ path: String, owner: Origin, origin: Origin) -> Diagnostic {
        let url = "/" + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
        let message = "\(url) is produced twice: by \(owner.description) and by \(origin.description)"
        switch origin {
        case .file(let file, let position):
            return Diagnostic(.error, file: file, line: position?.line, column: position?.column, message: message)
        case .generated:
            if case .file(let file, let position) = owner {
                return Diagnostic(.error, file: file, line: position?.line, column: position?.column, message: message)
            }
            return Diagnostic(.error, file: nil, message: message)
        }
    }
}
