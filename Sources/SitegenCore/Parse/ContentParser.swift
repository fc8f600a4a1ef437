import Foundation
import SitegenMarkdown
import SitegenSearch

/// The parse stage: front matter for every article, then Markdown bodies, both in parallel.
struct ContentParser: Sendable {
    let config: SiteConfig
    let options: BuildOptions
    let renderer: MarkdownRenderer
    /// Nil when highlighting is off.
    let highlighting: Highlighting?
    /// Whether articles keep `linkSites`, which only a check of the built pages reads.
    var keepsLinkSites = false

    /// Parsed articles (published ones only), content files to copy, and every problem found.
    struct Output: Sendable {
        var articles: [Article]
        /// Output path → content path, for bundle resources and loose content files.
        var contentCopies: [String: String]
        /// Comparisons and decision helpers, checked and resolved.
        var data: SiteData
        /// Routes of articles left out because of their own errors (links to them are not reported again).
        var unbuiltRoutes: Set<String>
        var diagnostics: [Diagnostic]
        /// What the next parse of a changed tree may reuse.
        var cache: ParseCache
        /// The indexed articles' terms packed into posting lists, numbered in the site's order, when the
        /// parse released the bodies and search is on; the articles then keep no terms.
        var searchPostings: SearchPostings?
        /// The store the parse was given, holding the bodies of the articles (`ArticleBody.stored`).
        var bodyStore: (any BodyStore)?
    }

    /// Parses `tree`, reusing from `cache` every front matter whose file is unchanged and every body whose
    /// file and surroundings (routes, data, config) are unchanged: the result is the same either way.
    /// Without `keepingCache` the output's cache holds no files (a one-off build need not keep every
    /// article's source twice over).
    func parse(_ tree: SourceTree, cache: ParseCache = ParseCache(), keepingCache: Bool = true) async -> Output {
        var tree = tree
        return await parse(&tree, cache: cache, keepingCache: keepingCache, releasingBodies: false)
    }

    /// `parse`; with `releasingBodies` (a one-off build, which keeps no cache), `tree` keeps only the heads of
    /// the articles once they are read (`SourceTree.keepingHeads`), and each article's bytes are let go as
    /// soon as its body is rendered, so a large site's sources are never all held beside its rendered bodies.
    /// With search on, the bodies are then rendered in the site's order and each slice's terms packed into
    /// the output's `searchPostings` (the articles keep none). With a `bodyStore` too, each slice's bodies go
    /// into it as soon as they are rendered, and the articles keep only where they are.
    func parse(
        _ tree: inout SourceTree, cache: ParseCache, keepingCache: Bool, releasingBodies: Bool, bodyStore: (any BodyStore)? = nil
    ) async -> Output {
        precondition(!(keepingCache && releasingBodies), "a parse that keeps its cache keeps the sources in it")
        var newCache = ParseCache()
        let markdownPaths = tree.content.keys.filter { $0.hasSuffix(".md") && !Self.isData($0) }.sorted()
        var heads = await Self.readHeads(markdownPaths.map { ($0, tree.content[$0]!) }, cache: cache, workers: config.workers)
        if keepingCache {
            for (path, head) in zip(markdownPaths, heads) { newCache.heads[path] = .init(data: tree.content[path]!, head: head) }
        }
        var diagnostics: [Diagnostic] = [], unbuilt: [String] = [], sources: [ArticleSource] = [], headLines: [String: Int] = [:]
        sources.reserveCapacity(heads.count)
        // Each source moved out of its head, not copied: a copy retains every string it holds, on one core.
        for index in heads.indices {
            diagnostics += heads[index].1
            guard let source = heads[index].0.take() else {
                unbuilt.append(markdownPaths[index])
                continue
            }
            headLines[source.path] = source.bodyFirstLine - 1
            sources.append(source)
        }
        heads = []
        if releasingBodies { tree.keepHeads(headLines) }
        let unpublished = removeUnpublished(&sources)
        var published = sources
        sources = []
        let routes = Dictionary(published.map { ($0.path, $0.route) }, uniquingKeysWith: { first, _ in first })
        let copies = contentCopies(tree, published: published)
        let resolver = LinkResolver(
            routes: routes, unpublished: unpublished, unbuilt: Set(unbuilt),
            contentFiles: Dictionary(copies.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first }),
            staticOutputs: Set(tree.staticFiles.keys.map { String($0.dropFirst("public/".count)) }),
            basePath: config.basePath
        )
        let (data, dataDiagnostics, tablesFromArticles) = await parseData(tree, published: published)
        newCache.tablesFromArticles = tablesFromArticles
        diagnostics += dataDiagnostics
        let embeds = EmbedResolver(
            comparisons: Dictionary(data.comparisons.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            decisions: Dictionary(data.decisions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            brokenIDs: data.brokenIDs, basePath: config.basePath)
        let surroundings = ParseCache.Surroundings(resolver: resolver, embeds: embeds, config: config, languages: highlighting?.grammars ?? [])
        let reusable = cache.surroundings == surroundings ? cache.bodies : [:]
        let content = tree.content
        var store = releasingBodies ? bodyStore : nil
        var (bodies, postings) = await renderBodies(&published, releasing: releasingBodies, storingIn: &store) { [self] terms, source in
            if let cached = reusable[source.path], cached.data == content[source.path] { return (cached.article, cached.diagnostics, true) }
            let (article, diagnostics) = renderBody(source, resolver: resolver, embeds: embeds, terms: &terms)
            return (article, diagnostics, false)
        }
        diagnostics += bodies.flatMap(\.1)
        var articles: [Article] = []
        articles.reserveCapacity(bodies.count)
        newCache.surroundings = surroundings
        newCache.nextRevision = cache.nextRevision
        bodies.reverseMoving()
        for index in published.indices {
            let path = published[index].path
            let (rendered, bodyDiagnostics, reused) = bodies.removeLast()
            var article = consume rendered
            if !reused {
                article.revision = newCache.nextRevision
                newCache.nextRevision += 1
            }
            if keepingCache { newCache.bodies[path] = .init(data: content[path]!, article: article, diagnostics: bodyDiagnostics) }
            articles.append(article)
        }
        return Output(
            articles: articles, contentCopies: copies, data: data,
            unbuiltRoutes: Set(unbuilt.map { Routes.article(path: $0, slug: nil) }), diagnostics: diagnostics, cache: newCache,
            searchPostings: postings, bodyStore: store)
    }

    /// Every body of `published` through `render`, in parallel. When `releasing`, a slice at a time: only the
    /// slice being rendered holds its articles' bytes (each source in `published` lets go of its own), and
    /// with search on the bodies go in the site's order (it numbers the index's documents) and each slice's
    /// terms are packed into the postings returned, so that only that slice's terms are ever held. Each
    /// slice's bodies then go into `store`, when there is one; should it fail, the rest stay held and the
    /// failure is a diagnostic.
    private func renderBodies(
        _ published: inout [ArticleSource], releasing: Bool, storingIn store: inout (any BodyStore)?,
        _ render: @escaping @Sendable (inout TermCache, ArticleSource) -> (Article, [Diagnostic], reused: Bool)
    ) async -> ([(Article, [Diagnostic], reused: Bool)], SearchPostings?) {
        var keeper = BodyKeeper(postings: releasing && config.search ? SearchPostings() : nil, store: store, storing: store != nil)
        if keeper.postings != nil { Self.sortNewestFirst(&published) }
        // A slice's terms and bodies are put away while the next slices render, so that the cores do not
        // wait on each other at every slice; one slice is put away at a time, in order.
        let pipeline = BodyPipeline(slices: Self.bodySlices(published.count, releasing: releasing), workers: config.workers)
        let bodies: [(Article, [Diagnostic], reused: Bool)]
        (keeper, bodies) = await pipeline.run(&published, releasing: releasing, keeper: keeper, render)
        store = keeper.store
        return (bodies, keeper.postings)
    }

    /// Puts `published` in the site's order (`Article.newestFirst`). The positions are sorted and the sources
    /// then swapped into place: a source is a large value, and sorting the sources themselves moved each one
    /// many times on one core while the others waited (30 ms at 10,000 articles).
    static func sortNewestFirst(_ published: inout [ArticleSource]) {
        let keys = published.map { (seconds: $0.meta.date.epochSeconds, path: $0.path) }
        published.permute(to: keys.indices.sorted { Article.newestFirst(keys[$0], keys[$1]) })
    }

    /// Where `renderBodies` puts each slice's articles away: the postings their terms are packed into, and
    /// the store their bodies go into (while storing works).
    struct BodyKeeper: Sendable {
        var postings: SearchPostings?
        var store: (any BodyStore)?
        var storing: Bool

        /// `rendered` with its terms packed and its bodies stored, and the keeper after it. The terms are packed
        /// in one task: the next slice renders meanwhile, and one run per slice repeats each term in fewer runs.
        func keeping(_ rendered: [(Article, [Diagnostic], reused: Bool)]) async -> (BodyKeeper, [(Article, [Diagnostic], reused: Bool)]) {
            var keeper = self, rendered = rendered
            if keeper.postings != nil {
                let indexed = rendered.indices.filter { rendered[$0].0.isIndexed }
                await keeper.postings!.add(indexed.map { rendered[$0].0.searchTerms! }, tasks: 1)
                for index in indexed { rendered[index].0.searchTerms = nil }
            }
            if keeper.storing { keeper.storing = ContentParser.store(&rendered, in: &keeper.store!) }
            return (keeper, rendered)
        }
    }

    /// Puts the bodies of `rendered` into `store`, one write each, each let go of as it is kept (one buffer
    /// of the slice's bodies would double them for a moment); on failure, keeps the rest held, reports it on
    /// that article and returns false (storing stops there).
    private static func store(_ rendered: inout [(Article, [Diagnostic], reused: Bool)], in store: inout any BodyStore) -> Bool {
        var bytes: [UInt8] = []
        for index in rendered.indices {
            guard case .held(let html, let sections) = rendered[index].0.body else { preconditionFailure("a body is stored once") }
            bytes.removeAll(keepingCapacity: true)
            let place = ArticleBody.pack(html: html, searchSections: sections, into: &bytes)
            do {
                let start = try store.append(bytes).lowerBound
                rendered[index].0.body = .stored(html: place.html.shifted(by: start), searchSections: place.searchSections.shifted(by: start))
            } catch {
                rendered[index].1.append(.error("cannot keep the rendered bodies aside: \(error.localizedDescription)", file: rendered[index].0.path))
                return false
            }
        }
        return true
    }

    /// Articles rendered together when their bytes are released as they go: few enough that their sources
    /// and terms are small beside the rendered site, enough that the workers' chunks stay long and the
    /// posting lists come in few runs.
    static let bodiesPerSlice = 1024

    /// The articles' index ranges rendered together: all at once, or `bodiesPerSlice` at a time when releasing.
    private static func bodySlices(_ count: Int, releasing: Bool) -> [Range<Int>] {
        let size = releasing ? bodiesPerSlice : max(count, 1)
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    /// The front matter of every Markdown file, in parallel; a file unchanged since `cache` keeps its head.
    private static func readHeads(_ inputs: [(String, Data)], cache: ParseCache, workers: Int?) async -> [(ArticleSource?, [Diagnostic])] {
        await inputs.parallelMap(workers: workers) { path, data in
            if let cached = cache.heads[path], cached.data == data { return cached.head }
            return Self.readHead(path: path, data: data)
        }
    }

    /// Data files, with `options_from` tables filled from the published articles; and whether there are any of those.
    private func parseData(_ tree: SourceTree, published: [ArticleSource]) async -> (SiteData, [Diagnostic], Bool) {
        let parsed = await DataParser(basePath: config.basePath, workers: config.workers).parse(tree)
        let (comparisons, diagnostics) = ComparisonResolver(basePath: config.basePath).resolve(parsed.comparisons, articles: published)
        let broken = parsed.brokenComparisons.map { "comparison " + $0 } + parsed.brokenDecisions.map { "decision-helper " + $0 }
        let data = SiteData(comparisons: comparisons.sorted { $0.id < $1.id }, decisions: parsed.decisions.sorted { $0.id < $1.id }, brokenIDs: Set(broken))
        return (data, parsed.diagnostics + diagnostics, parsed.comparisons.contains { $0.optionsFrom != nil })
    }

    static func isData(_ path: String) -> Bool { path.hasPrefix("content/data/") }

    /// Decode, split and read the front matter of one file.
    static func readHead(path: String, data: Data) -> (ArticleSource?, [Diagnostic]) {
        let text: SourceText
        switch SourceText.decode(data, path: path) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let decoded): text = decoded
        }
        let parts: (yaml: Range<Int>, bodyOffset: Int, bodyFirstLine: Int)
        switch FrontMatterSplitter.locate(text.text) {
        case .success(let value): parts = value
        case .failure(.empty): return (nil, [text.diagnostic(.error, "empty file: an article needs front matter with at least 'title' and 'date'", line: 1, column: 1)])
        case .failure(.missingOpeningFence): return (nil, [text.diagnostic(.error, "missing front matter: the file must start with a '---' line, followed by YAML and a closing '---'", line: 1, column: 1)])
        case .failure(.unclosed): return (nil, [text.diagnostic(.error, "unclosed front matter: no closing '---' line after the opening one", line: 1, column: 1)])
        }
        var whole = text.text
        let yaml = whole.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[parts.yaml]), as: UTF8.self) }
        let block = YAMLBlock(source: text, yaml: yaml, firstLine: 2)
        let (meta, diagnostics) = FrontMatterParser(block: block).parse()
        guard let meta else { return (nil, diagnostics) }
        let source = ArticleSource(
            path: path, meta: meta, bodyFirstLine: parts.bodyFirstLine, route: Routes.article(path: path, slug: meta.slug),
            data: data, bodyOffset: parts.bodyOffset
        )
        return (source, diagnostics)
    }

    /// Removes from `sources` the articles this build does not publish, the rest kept in order; why each was
    /// left out, by path. The kept ones are swapped forward in the array's buffer, where a swap moves them:
    /// `removeAll(where:)` copies each source it looks at or moves.
    private func removeUnpublished(_ sources: inout [ArticleSource]) -> [String: String] {
        var unpublished: [String: String] = [:]
        var kept = 0
        sources.withUnsafeMutableBufferPointer { sources in
            for index in sources.indices {
                if let reason = whyUnpublished(sources[index]) {
                    unpublished[sources[index].path] = reason
                } else {
                    sources.swapAt(kept, index)
                    kept += 1
                }
            }
        }
        sources.removeLast(sources.count - kept)
        return unpublished
    }

    /// Why this build leaves `source` out; nil when it publishes it.
    private func whyUnpublished(_ source: ArticleSource) -> String? {
        if source.meta.draft && !options.includeDrafts { return "it is a draft; build with --drafts to include it" }
        if source.meta.date.epochSeconds > options.now && !options.includeFuture {
            return "it is dated in the future; build with --future to include it"
        }
        return nil
    }
}
