import Foundation
import SitegenSearch

/// A rebuild after edits of published articles that keep the site's shape (`FrontMatter.sameShape`): the
/// same articles in the same order, with the same routes, tags, categories and data. Only the edited
/// articles are parsed and rendered again, only the pages that show them are derived again, and only the
/// feeds that carry them are written again; everything else is taken from the last build. The result is
/// what a full build gives, byte for byte (the random-edit property test holds it to that).
struct ContentEdit: Sendable {
    let options: BuildOptions

    /// One edited article, parsed and rendered again.
    private struct Edit: Sendable {
        let index: Int
        let head: ParseCache.Head
        let article: Article
        let diagnostics: [Diagnostic]
    }

    /// One page derived again: from the cache when its context is unchanged, else rendered and hashed.
    private struct Page: Sendable {
        let job: PageJob
        let page: RenderCache.Page
        let sha256: String?
    }

    /// The build after the edits at `changed` (every path whose bytes differ from the last build's tree),
    /// with `caches` brought up to date; nil when there is no last build, or the edits are not all
    /// shape-keeping edits of published articles, or one has an error, or the search index's files are not
    /// the same files. Then the caller runs every stage, which also reports the error (`caches` then lack
    /// the last build, and may hold the parses of the edited files, which are valid). `caches` should be held only here, so that its
    /// tables are updated in place rather than copied.
    func apply(_ tree: SourceTree, changed: Set<String>, to caches: inout BuildCaches) async -> BuildOutput? {
        guard let surroundings = caches.parse.surroundings, caches.last != nil, caches.render.templates == tree.templates,
              let edits = await parse(tree, changed: changed, caches: caches, last: caches.last!, surroundings: surroundings),
              var next = caches.last.take() else { return nil }
        update(&next.output.diagnostics, edits: edits, tree: tree, parse: caches.parse)
        // An edited article's page always changes; other pages show its summary or title, if anything.
        var summaryChanged = Set<Int>()
        var oldTerms: [Int: DocumentTerms] = [:]
        for edit in edits {
            oldTerms[edit.index] = next.models.site.articles[edit.index].searchTerms
            var article = edit.article
            article.revision = caches.parse.nextRevision
            caches.parse.nextRevision += 1
            if next.models.replaceArticle(at: edit.index, with: article) { summaryChanged.insert(edit.index) }
            caches.parse.heads[article.path] = edit.head
            caches.parse.bodies[article.path] = .init(data: edit.head.data, article: article, diagnostics: edit.diagnostics)
        }
        let edited = Set(edits.map(\.index))
        let affected = next.jobs.filter { [models = next.models] job in
            if case .article(let index) = job.kind, edited.contains(index) { return true }
            return !summaryChanged.isEmpty && models.shows(job, anyOf: summaryChanged)
        }
        // A page that cannot be rendered is an error, which the full build reports.
        guard let pages = await render(affected, models: next.models, templates: next.templates, cache: caches.render) else { return nil }
        let (_, feeds) = await FeedWriter(models: next.models).files(cache: caches.render.feeds, edited: edited)
        var search: [OutputFile] = [], indexFiles = 0
        // Taken out, not copied, so that the index is updated in place.
        if var state = caches.render.search.take() {
            (search, indexFiles) = SearchFiles(models: next.models).files(updating: &state, old: oldTerms)
            caches.render.search = state
        }
        // An edit that changes the number of shards changes the site's files: every stage runs.
        guard indexFiles == next.searchIndexFiles else { return nil }
        let changedSearch = search.filter { [next] in next.output.files[next.fileIndices[$0.path]!] != $0 }
        let fresh = await patch(&next, &caches.render, pages: pages, feeds: feeds, search: changedSearch)
        caches.render.rendered = Set(fresh.map(\.path))
        caches.render.feeds = feeds
        caches.render.feeds.markReused()
        next.output.freshFiles = fresh
        caches.last = next
        return next.output
    }

    /// Each changed path whose bytes differ parsed again; nil when a path is not a published article,
    /// changes the site's shape, or has an error.
    private func parse(_ tree: SourceTree, changed: Set<String>, caches: BuildCaches, last: LastBuild, surroundings: ParseCache.Surroundings) async -> [Edit]? {
        let parser = ContentParser(config: last.config, options: options, renderer: last.renderer, highlighting: last.highlighting)
        let titleShapes = caches.parse.tablesFromArticles
        var inputs: [(index: Int, data: Data, old: ArticleSource)] = []
        for path in changed.sorted() {
            guard let index = last.articleIndices[path], let data = tree.content[path],
                  let body = caches.parse.bodies[path], let old = caches.parse.heads[path]?.head.0 else { return nil }
            if body.data != data { inputs.append((index, data, old)) }
        }
        let edits = await inputs.parallelMap(workers: last.config.workers) { input -> Edit? in
            let head = ContentParser.readHead(path: input.old.path, data: input.data)
            guard let source = head.0, !head.1.hasErrors, source.route == input.old.route,
                  source.meta.sameShape(as: input.old.meta, titleShapes: titleShapes) else { return nil }
            var terms = TermCache()
            let (article, diagnostics) = parser.renderBody(source, resolver: surroundings.resolver, embeds: surroundings.embeds, terms: &terms)
            if diagnostics.hasErrors { return nil }
            return Edit(index: input.index, head: .init(data: input.data, head: head), article: article, diagnostics: diagnostics)
        }
        return edits.contains { $0 == nil } ? nil : edits.compactMap { $0 }
    }

    /// The pages of `jobs`, each taken from `cache` when its template and context are unchanged; nil when
    /// one cannot be rendered.
    private func render(_ jobs: [PageJob], models: ViewModels, templates: TemplateRenderer, cache: RenderCache) async -> [Page]? {
        let pages = await jobs.parallelMap(workers: models.site.config.workers) { job -> Page? in
            let path = Routes.outputPath(job.route), context = models.context(for: job)
            if let cached = cache.pages[path], cached.template == job.template, cached.context == context {
                return Page(job: job, page: cached, sha256: nil)
            }
            let (html, problem) = templates.render(job.template, context)
            guard problem == nil else { return nil }
            let file = OutputFile(path: path, contents: .bytes(html))
            return Page(job: job, page: .init(template: job.template, context: context, file: file), sha256: Self.sha256(file))
        }
        return pages.contains { $0 == nil } ? nil : pages.compactMap { $0 }
    }

    /// Puts the pages, feeds and search files written afresh into `build`'s output, manifest and `cache`;
    /// returns them.
    private func patch(_ build: inout LastBuild, _ cache: inout RenderCache, pages: [Page], feeds: FeedCache, search: [OutputFile]) async -> [OutputFile] {
        var fresh: [OutputFile] = []
        for page in pages {
            let file = page.page.file
            cache.pages[file.path] = page.page
            guard let sha256 = page.sha256 else { continue }
            // Of a page's manifest entry only the title can follow an article's edit, and only an article's
            // page and its redirects carry its title.
            var entry = build.output.manifest.entries[build.entryIndices[file.path]!]
            switch page.job.kind {
            case .article, .redirect: entry = build.models.manifestEntry(for: page.job)
            default: break
            }
            replace(file, sha256: sha256, entry: entry, in: &build, cache: &cache)
            fresh.append(file)
        }
        let generated = feeds.feeds.values.filter(\.fresh).map(\.file).sorted { $0.path < $1.path } + search
        let hashes = await generated.parallelMap(workers: build.config.workers) { Self.sha256($0) }
        for (file, sha256) in zip(generated, hashes) {
            replace(file, sha256: sha256, entry: build.output.manifest.entries[build.entryIndices[file.path]!], in: &build, cache: &cache)
            fresh.append(file)
        }
        return fresh
    }

    private func replace(_ file: OutputFile, sha256: String?, entry: Manifest.Entry, in build: inout LastBuild, cache: inout RenderCache) {
        var entry = entry
        entry.sha256 = sha256
        build.output.files[build.fileIndices[file.path]!] = file
        build.output.manifest.entries[build.entryIndices[file.path]!] = entry
        cache.hashes[file.path] = sha256
    }

    /// Replaces, in `diagnostics` (the last build's, sorted), the diagnostics the edited files' parsing gave
    /// with the new ones; the edited files' other diagnostics (from assembling) get their source lines again.
    private func update(_ diagnostics: inout [Diagnostic], edits: [Edit], tree: SourceTree, parse: ParseCache) {
        let finisher = SiteBuilder(options: options)
        for edit in edits {
            let path = edit.article.path
            let range = Self.range(of: path, in: diagnostics)
            var others = diagnostics[range].map(Self.withoutSourceLine)
            for diagnostic in (parse.heads[path]?.head.1 ?? []) + (parse.bodies[path]?.diagnostics ?? []) {
                if let index = others.firstIndex(of: Self.withoutSourceLine(diagnostic)) { others.remove(at: index) }
            }
            diagnostics.replaceSubrange(range, with: finisher.finish(edit.head.head.1 + edit.diagnostics + others, tree))
        }
    }

    /// Where the diagnostics of `file` are in a sorted list (they sort by file first).
    static func range(of file: String, in diagnostics: [Diagnostic]) -> Range<Int> {
        func firstIndex(after: Bool) -> Int {
            var (low, high) = (0, diagnostics.count)
            while low < high {
                let middle = (low + high) / 2
                let other = diagnostics[middle].file ?? ""
                if other < file || (after && other == file) { low = middle + 1 } else { high = middle }
            }
            return low
        }
        return firstIndex(after: false)..<firstIndex(after: true)
    }

    private static func withoutSourceLine(_ diagnostic: Diagnostic) -> Diagnostic {
        var bare = diagnostic
        bare.sourceLine = nil
        return bare
    }

    private static func sha256(_ file: OutputFile) -> String? {
        guard case .bytes(let data) = file.contents else { return nil }
        return Manifest.sha256(data)
    }
}
