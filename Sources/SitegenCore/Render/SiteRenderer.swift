import SitegenSearch

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

    /// Pages or search fragments made and handed to a sink at a time.
    static let filesPerBatch = 256
    /// Feeds made and handed to a sink at a time: a feed of full articles is hundreds of kilobytes.
    static let feedsPerBatch = 32

    /// Renders `site`; a page whose template and view model equal those in `cache`, and a feed whose
    /// entries have the same revisions, are taken from it instead: the bytes are the same either way.
    ///
    /// With a `sink` (`sitegen build`), the files go to it as they are made, pages, feeds and search
    /// fragments in batches, and are not kept: `files`, the cache's pages and feeds and its search index
    /// (built without what edits need) stay empty. Nothing goes to the sink when two outputs claim one
    /// path, since that is an error; every path is claimed before anything is made.
    /// `searchPostings`, when given, are the terms the parse packed (the articles keep none), and the index is
    /// built from them (`SearchFiles.index(of:postings:editable:)`) while the pages are planned and the
    /// sitemap made; otherwise the render builds it from the articles' terms, editable unless there is a sink.
    func render(
        _ site: Site, tree: SourceTree, contentCopies: [String: String], cache: RenderCache = RenderCache(),
        searchPostings: SearchPostings? = nil, sink: (any OutputSink)? = nil
    ) async throws -> Rendered {
        async let indexed = Self.index(of: site, postings: searchPostings)
        let models = ViewModels(site: site)
        let jobs = models.jobs()
        let describe = ManifestBuilder(models: models, tree: tree)
        var table = OutputTable()
        let paths = jobs.map { Routes.outputPath($0.route) }
        let claimed = zip(jobs, paths).map { job, path in table.claim(path, origin: origin(of: job, site: site)) }
        let feedWriter = FeedWriter(models: models)
        let feeds = feedWriter.plan(cache: cache.feeds)
        let searchFiles = SearchFiles(models: models)
        let generatedList = generatedFiles(site, models: models, jobs: jobs, describe: describe)
        let prebuilt = await indexed
        // A build for a sink is never edited, so its index keeps no posting lists.
        let search = prebuilt != nil ? prebuilt : await searchFiles.index(editable: sink == nil)
        let feedClaims = feeds.map { table.claim($0.path, origin: .generated) }
        let generated = claim(generatedList, in: &table)
        let searchClaims = Set((search.map(SearchFiles.paths) ?? []).filter { table.claim($0, origin: .generated) })
        let copied = claim(copiedFiles(tree, contentCopies: contentCopies, describe: describe), in: &table)
        if sink != nil && !table.diagnostics.isEmpty {
            return Rendered(files: [], manifest: Manifest(baseURL: models.urls.baseURL, entries: []), diagnostics: table.diagnostics, cache: RenderCache(), models: models, jobs: jobs)
        }
        var out = Emitter(sink: sink, workers: site.config.workers)
        var newCache = RenderCache(templates: tree.templates)
        // Each batch is written while the next one is made (`Emitter.emit(hashed:writingIn:)`).
        try await withThrowingTaskGroup(of: Void.self) { writes in
            try await out.emit(generated, writingIn: &writes)
            try await emitFeeds(feeds, claims: feedClaims, writer: feedWriter, describe: describe, cache: cache, into: &out, writingIn: &writes, newCache: &newCache)
            if var state = search {
                try await emitSearch(&state, claims: searchClaims, files: searchFiles, describe: describe, into: &out, writingIn: &writes)
                if sink == nil { newCache.search = state }
            }
            try await out.emit(copied, writingIn: &writes)
            try await emitPages(jobs, paths: paths, claimed: claimed, models: models, describe: describe, cache: cache, into: &out, writingIn: &writes, newCache: &newCache)
            try await writes.waitForAll()
        }
        let manifest = Manifest(baseURL: models.urls.baseURL, entries: out.takeEntries())
        // Only a render that keeps its pages (no sink) is rendered again from its cache.
        if sink == nil {
            newCache.hashes = Dictionary(uniqueKeysWithValues: manifest.entries.compactMap { entry in entry.sha256.map { (entry.path, $0) } })
        }
        return Rendered(files: out.files, manifest: manifest, diagnostics: table.diagnostics + out.problems, cache: newCache, models: models, jobs: jobs)
    }

    /// The pages of `jobs` whose paths they claimed, a batch at a time (in parallel); each page whose
    /// template and view model are those in `cache` is taken from it. Without a sink, the pages are kept in
    /// `newCache` for the next render.
    private func emitPages(
        _ jobs: [PageJob], paths: [String], claimed: [Bool], models: ViewModels, describe: ManifestBuilder, cache: RenderCache,
        into out: inout Emitter, writingIn writes: inout ThrowingTaskGroup<Void, any Error>, newCache: inout RenderCache
    ) async throws {
        let reusable = cache.templates == newCache.templates ? cache.pages : [:]
        // A page's view model is kept only for the next render: a build that streams its files lets it go
        // in the worker that rendered the page, not later on one core.
        let keeping = out.sink == nil
        // Each chunk's own copy of the templates, kept from one batch to the next.
        var copies: [TemplateRenderer] = []
        for slice in Array(jobs.indices).slices(of: Self.filesPerBatch) {
            let batch = slice.filter { claimed[$0] }
            let pages = await batch.parallelMap(workers: out.workers, states: &copies, state: { [templates] in templates.isolatedCopy() }) { templates, index -> RenderedPage in
                let job = jobs[index], path = paths[index], context = models.context(for: job)
                var entry = describe.page(job)
                if let cached = reusable[path], cached.template == job.template, cached.context == context {
                    entry.sha256 = cache.hashes[path] ?? cached.file.contents.sha256
                    return RenderedPage(file: cached.file, entry: entry, problem: nil, fresh: false, kept: keeping ? cached : nil)
                }
                let (html, problem) = templates.render(job.template, context)
                let file = OutputFile(path: path, contents: .bytes(html))
                entry.sha256 = file.contents.sha256
                let kept = keeping && problem == nil ? RenderCache.Page(template: job.template, context: context, file: file) : nil
                return RenderedPage(file: file, entry: entry, problem: problem, fresh: true, kept: kept)
            }
            out.report(pages.compactMap { $0.problem })
            for index in pages.indices where pages[index].fresh { newCache.rendered.insert(pages[index].file.path) }
            try await out.emit(hashed: pages.map { ($0.file, $0.entry) }, writingIn: &writes)
            for index in pages.indices {
                if let page = pages[index].kept { newCache.pages[page.file.path] = page }
            }
        }
    }

    /// A page as `emitPages` made it: its file and manifest entry, the problem rendering it (then it is
    /// empty), whether it was rendered now rather than taken from the cache, and what the next render may
    /// reuse of it (nil when nothing is kept).
    private struct RenderedPage: Sendable {
        let file: OutputFile
        let entry: Manifest.Entry
        let problem: Diagnostic?
        let fresh: Bool
        let kept: RenderCache.Page?
    }

    /// The search fragments, a batch at a time, then the index's own files, which carry the fragments' hashes.
    private func emitSearch(
        _ state: inout SearchFiles.State, claims: Set<String>, files: SearchFiles, describe: ManifestBuilder,
        into out: inout Emitter, writingIn writes: inout ThrowingTaskGroup<Void, any Error>
    ) async throws {
        func described(_ files: [OutputFile]) -> [(OutputFile, Manifest.Entry)] {
            files.filter { claims.contains($0.path) }.map { ($0, describe.generated($0.path, kind: .searchIndex)) }
        }
        var hashes: [UInt64] = []
        for documents in SearchFiles.documentArticles(state).slices(of: Self.filesPerBatch) {
            let fragments = await files.fragments(documents)
            hashes += fragments.sha256.map { SearchFiles.fragmentHash(sha256: $0) }
            // Each fragment's digest is its manifest entry's: the entries are complete, with nothing to hash.
            let hashed = zip(fragments.files, fragments.sha256).filter { claims.contains($0.0.path) }.map { file, sha256 in
                var entry = describe.generated(file.path, kind: .searchIndex)
                entry.sha256 = sha256
                return (file, entry)
            }
            try await out.emit(hashed: hashed, writingIn: &writes)
        }
        try await out.emit(described(SearchFiles.finish(&state, fragmentHashes: hashes)), writingIn: &writes)
    }

    /// The feeds, a batch at a time; a feed taken from `cache` keeps its hash. Without a sink, the feeds
    /// are kept in `newCache` for the next render.
    private func emitFeeds(
        _ feeds: [FeedWriter.Planned], claims: [Bool], writer: FeedWriter, describe: ManifestBuilder, cache: RenderCache,
        into out: inout Emitter, writingIn writes: inout ThrowingTaskGroup<Void, any Error>, newCache: inout RenderCache
    ) async throws {
        var kept: [OutputFile] = []
        var entries = writer.escapedEntries(for: feeds)
        for batch in feeds.slices(of: Self.feedsPerBatch) {
            let files = await writer.files(batch, entries: &entries)
            var known: [String: String] = [:]
            for feed in batch where feed.cached != nil { known[feed.path] = cache.hashes[feed.path] }
            for feed in batch where feed.cached == nil { newCache.rendered.insert(feed.path) }
            let claimed = zip(batch.indices, files).filter { claims[$0.0] }.map { ($0.1, describe.feed($0.1.path)) }
            try await out.emit(claimed, knownHashes: known, writingIn: &writes)
            if out.sink == nil { kept += files }
        }
        guard out.sink == nil else { return }
        newCache.feeds = FeedWriter.cache(feeds, files: kept, config: describe.models.site.config)
        newCache.feeds.markReused()
    }

    /// The sitemap, robots.txt and the published data files, each with where it comes from and its manifest entry.
    private func generatedFiles(_ site: Site, models: ViewModels, jobs: [PageJob], describe: ManifestBuilder) -> [(OutputFile, OutputTable.Origin, Manifest.Entry)] {
        var files: [(OutputFile, OutputTable.Origin, Manifest.Entry)] = []
        let sitemap = SitemapWriter(models: models)
        let map = sitemap.sitemap(jobs), robots = sitemap.robots()
        files.append((map, .generated, describe.sitemap(map.path)))
        files.append((robots, .generated, describe.generated(robots.path, kind: .robots)))
        for file in DataFiles(data: site.data).files() { files.append((file, .generated, describe.data(file.path))) }
        return files
    }

    /// Theme assets, files beside articles and `public/`, as they are.
    private func copiedFiles(_ tree: SourceTree, contentCopies: [String: String], describe: ManifestBuilder) -> [(OutputFile, OutputTable.Origin, Manifest.Entry)] {
        var files: [(OutputFile, OutputTable.Origin, Manifest.Entry)] = []
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
        return files
    }

    /// The index of `site` built from `postings`; nil without them.
    private static func index(of site: Site, postings: SearchPostings?) async -> SearchFiles.State? {
        guard let postings else { return nil }
        return await SearchFiles.index(of: site, postings: postings, editable: false)
    }

    /// The files whose paths `table` gives them (the first claim of a path wins), with their entries.
    private func claim(_ files: [(OutputFile, OutputTable.Origin, Manifest.Entry)], in table: inout OutputTable) -> [(OutputFile, Manifest.Entry)] {
        files.filter { table.claim($0.0.path, origin: $0.1) }.map { ($0.0, $0.2) }
    }

    private func origin(of job: PageJob, site: Site) -> OutputTable.Origin {
        switch job.kind {
        case .article(let index):
            return .file(site.articles[index].path, site.articles[index].meta.positions["slug"] ?? FilePosition(line: 1, column: 1))
        case .redirect(let index, _):
            return .file(site.articles[index].path, site.articles[index].meta.positions["aliases"])
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

/// Where the render's files go as they are made: to the sink, or kept; with every file's manifest entry.
private struct Emitter {
    /// Nil: the files are kept.
    let sink: (any OutputSink)?
    /// Files hashed at once (nil: as many as there are cores).
    let workers: Int?
    private(set) var files: [OutputFile] = []
    private(set) var entries: [Manifest.Entry] = []
    /// Pages that could not be rendered, each problem once.
    private(set) var problems: [Diagnostic] = []
    /// Whether a write handed to the task group may still be going.
    private var writing = false

    init(sink: (any OutputSink)?, workers: Int?) {
        self.sink = sink
        self.workers = workers
    }

    /// The entries handed on so far, taken out (the emitter keeps none), so that the manifest sorts them
    /// without copying them.
    mutating func takeEntries() -> [Manifest.Entry] {
        var taken: [Manifest.Entry] = []
        swap(&taken, &entries)
        return taken
    }

    /// Hands on `described`, putting in each entry the SHA-256 of a file held in memory (in parallel) or the
    /// known one; files copied from disk are hashed as they are written.
    mutating func emit(
        _ described: [(OutputFile, Manifest.Entry)], knownHashes: [String: String] = [:], writingIn writes: inout ThrowingTaskGroup<Void, any Error>
    ) async throws {
        let hashed = await described.parallelMap(workers: workers) { file, entry in
            var entry = entry
            if let known = knownHashes[file.path], !known.isEmpty {
                entry.sha256 = known
            } else if case .bytes(let data) = file.contents {
                entry.sha256 = Manifest.sha256(data)
            }
            return (file, entry)
        }
        try await emit(hashed: hashed, writingIn: &writes)
    }

    mutating func report(_ problems: [Diagnostic]) {
        for problem in problems where !self.problems.contains(problem) { self.problems.append(problem) }
    }

    /// Hands on files whose entries are complete. The sink's write goes into `writes` and runs while the
    /// caller makes the next files, so that neither waits with a core idle for the slowest part of the
    /// other; one write at a time, in the order handed on (the entries keep that order too).
    mutating func emit(hashed described: [(OutputFile, Manifest.Entry)], writingIn writes: inout ThrowingTaskGroup<Void, any Error>) async throws {
        entries += described.map(\.1)
        guard let sink else {
            files += described.map(\.0)
            return
        }
        if writing { try await writes.next() }
        let files = described.map(\.0)
        writes.addTask { try await sink.write(files) }
        writing = true
    }
}
