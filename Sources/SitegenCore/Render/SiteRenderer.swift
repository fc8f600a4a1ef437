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

    /// Pages rendered and handed to a sink at a time.
    static let pagesPerBatch = 256

    /// Renders `site`; a page whose template and view model equal those in `cache`, and a feed whose
    /// entries have the same revisions, are taken from it instead: the bytes are the same either way.
    ///
    /// With a `sink` (`sitegen build`), the files go to it as they are made, pages in batches, and are not
    /// kept: `files` and the cache's pages stay empty. Nothing goes to the sink when two outputs claim one
    /// path, since that is an error; every path is claimed before anything is rendered.
    func render(_ site: Site, tree: SourceTree, contentCopies: [String: String], cache: RenderCache = RenderCache(), sink: (any OutputSink)? = nil) async throws -> Rendered {
        let models = ViewModels(site: site)
        let jobs = models.jobs()
        let describe = ManifestBuilder(models: models, tree: tree)
        var table = OutputTable()
        let paths = jobs.map { Routes.outputPath($0.route) }
        let claimed = zip(jobs, paths).map { job, path in table.claim(path, origin: origin(of: job, site: site)) }
        var newCache = RenderCache(templates: tree.templates)
        var (others, feedCache, search) = await otherFiles(site, models: models, jobs: jobs, tree: tree, contentCopies: contentCopies, describe: describe, cache: cache)
        newCache.feeds = feedCache
        newCache.search = search
        var otherFiles: [OutputFile] = [], otherEntries: [String: Manifest.Entry] = [:]
        for (file, origin, entry) in others where table.claim(file.path, origin: origin) {
            otherFiles.append(file)
            otherEntries[file.path] = entry
        }
        // Only `otherFiles` holds them now, so they are freed once written, not kept while the pages render.
        others = []
        var known: [String: String] = [:]
        for (path, feed) in feedCache.feeds where !feed.fresh { known[path] = cache.hashes[path] }
        let otherManifest = await describe.manifest(otherFiles, entries: otherEntries, knownHashes: known)
        if let sink {
            guard table.diagnostics.isEmpty else {
                return Rendered(files: [], manifest: otherManifest, diagnostics: table.diagnostics, cache: newCache, models: models, jobs: jobs)
            }
            try await sink.write(otherFiles)
            otherFiles = []
        }
        let reusable = cache.templates == tree.templates ? cache.pages : [:]
        var pageFiles: [OutputFile] = [], pageEntries: [Manifest.Entry] = []
        for start in stride(from: 0, to: jobs.count, by: Self.pagesPerBatch) {
            let batch = Array(start..<min(start + Self.pagesPerBatch, jobs.count)).filter { claimed[$0] }
            let pages = await batch.parallelMap(workers: site.config.workers) { [templates] index -> (page: RenderCache.Page, entry: Manifest.Entry) in
                let job = jobs[index], path = paths[index], context = models.context(for: job)
                var entry = describe.page(job)
                if let cached = reusable[path], cached.template == job.template, cached.context == context {
                    entry.sha256 = cache.hashes[path] ?? cached.file.contents.sha256
                    return (cached, entry)
                }
                let file = OutputFile(path: path, contents: .bytes(templates.render(job.template, context)))
                entry.sha256 = file.contents.sha256
                return (RenderCache.Page(template: job.template, context: context, file: file, fresh: true), entry)
            }
            pageEntries += pages.map(\.entry)
            for (page, _) in pages where page.fresh { newCache.rendered.insert(page.file.path) }
            if let sink {
                try await sink.write(pages.map(\.page.file))
            } else {
                pageFiles += pages.map(\.page.file)
                for (page, _) in pages { newCache.pages[page.file.path] = RenderCache.Page(template: page.template, context: page.context, file: page.file, fresh: false) }
            }
        }
        let manifest = Manifest(baseURL: otherManifest.baseURL, entries: pageEntries + otherManifest.entries)
        newCache.hashes = Dictionary(uniqueKeysWithValues: manifest.entries.compactMap { entry in entry.sha256.map { (entry.path, $0) } })
        newCache.rendered.formUnion(feedCache.feeds.filter { $0.value.fresh }.map(\.key))
        newCache.feeds.markReused()
        return Rendered(files: pageFiles + otherFiles, manifest: manifest, diagnostics: table.diagnostics, cache: newCache, models: models, jobs: jobs)
    }

    /// Everything but the pages: feeds, sitemap, robots.txt, published data, the search index, theme
    /// assets, files beside articles and `public/`, each with where it comes from and its manifest entry.
    private func otherFiles(
        _ site: Site, models: ViewModels, jobs: [PageJob], tree: SourceTree, contentCopies: [String: String], describe: ManifestBuilder, cache: RenderCache
    ) async -> (files: [(OutputFile, OutputTable.Origin, Manifest.Entry)], feeds: FeedCache, search: SearchFiles.State?) {
        var files: [(OutputFile, OutputTable.Origin, Manifest.Entry)] = []
        let (feeds, feedCache) = await FeedWriter(models: models).files(cache: cache.feeds)
        for file in feeds { files.append((file, .generated, describe.feed(file.path))) }
        let sitemap = SitemapWriter(models: models)
        let map = sitemap.sitemap(jobs), robots = sitemap.robots()
        files.append((map, .generated, describe.sitemap(map.path)))
        files.append((robots, .generated, describe.generated(robots.path, kind: .robots)))
        for file in DataFiles(data: site.data).files() { files.append((file, .generated, describe.data(file.path))) }
        let search = await SearchFiles(models: models).files()
        for file in search.files { files.append((file, .generated, describe.generated(file.path, kind: .searchIndex))) }
        for path in tree.templates.keys.sorted() where path.hasPrefix("templates/assets/") {
            let file = OutputFile(path: String(path.dropFirst("templates/".count)), contents: .bytes(tree.templates[path]!))
            files.append((file, .file(path, nil), describe.copy(file.path, kind: .asset, source: path)))
        }
        for (output, source) in contentCopies.sorted(by: { $0.key < $1.key }) {
            let file = OutputFile(path: output, contents: .bytes(tree.content[source]!))
            files.append((file, .file(source, nil), describe.copy(output, kind: .contentFile, source: source)))
        }
        for path in tree.staticFiles.keys.sorted() {
            let file = OutputFile(path: String(path.dropFirst("public/".count)), contents: tree.staticFiles[path]!)
            files.append((file, .file(path, nil), describe.copy(file.path, kind: .static, source: path)))
        }
        return (files, feedCache, search.state)
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

/// Output paths and who makes them; the first claim of a path wins and later ones are reported.
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

    private(set) var diagnostics: [Diagnostic] = []
    private var owners: [String: Origin] = [:]

    /// Whether `path` is this origin's: the first claim of a path wins, a later one is reported.
    mutating func claim(_ path: String, origin: Origin) -> Bool {
        if let owner = owners[path] {
            diagnostics.append(collision(path, owner: owner, origin: origin))
            return false
        }
        owners[path] = origin
        return true
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
