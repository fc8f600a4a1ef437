import SitegenMarkdown

/// The whole pipeline, in memory: parse → assemble → render. Loading and writing are the caller's
/// edges (`SiteLoader`, `OutputWriter`), so tests build sites from literals.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// The built site and its warnings; throws `BuildFailure` with every diagnostic when any is an error.
    public func build(_ tree: SourceTree) async throws -> BuildOutput {
        try await build(tree, caches: BuildCaches(), keepingLast: false).output
    }

    /// `build`, handing the files to `sink` as they are made instead of keeping them (the output's `files`
    /// is empty): `sitegen build` writes a large site without holding it in memory. Nothing reaches the
    /// sink unless every stage succeeded; throws `BuildFailure` as `build` does, and the sink's errors.
    ///
    /// The tree is consumed: the build cuts it to the articles' heads (`SourceTree.keepingHeads`) and lets go
    /// of each article's bytes once its body is rendered, so that a large site's sources and its rendered
    /// bodies are not held at once. The caller should hand it over with `consume`; a copy it keeps holds the
    /// sources anyway.
    ///
    /// With a `bodyStore`, the rendered bodies go into it as they are made (`BodyStore`), and each page,
    /// feed and search fragment reads its body back from there, so that the build does not hold every body.
    public func build(
        _ tree: consuming SourceTree, writingTo sink: some OutputSink, keepingBodiesIn bodyStore: (any BodyStore)? = nil
    ) async throws -> BuildOutput {
        var tree = tree
        let run = try await stages(&tree, renderDespiteErrors: false, caches: BuildCaches(), sink: sink, bodyStore: bodyStore)
        return try output(of: run, tree).output
    }

    /// `build`, reusing the work in `caches` whose inputs did not change; returns the caches for the next
    /// build, with the whole build in them when `keepingLast` (for `ContentEdit`). The output is the same as
    /// without caches, byte for byte.
    func build(_ tree: SourceTree, caches: BuildCaches, keepingLast: Bool = true) async throws -> (output: BuildOutput, caches: BuildCaches) {
        var tree = tree
        let run = try await stages(&tree, renderDespiteErrors: false, caches: caches)
        let (output, rendered) = try output(of: run, tree)
        var caches = run.caches
        guard keepingLast else { return (output, caches) }
        caches.last = LastBuild(
            config: rendered.config, renderer: rendered.renderer, highlighting: rendered.highlighting, templates: rendered.templates,
            models: rendered.models, jobs: rendered.jobs, output: output)
        return (output, caches)
    }

    /// The output of stages that rendered without errors (its files are those the render kept: none when
    /// they went to a sink); throws `BuildFailure` otherwise.
    private func output(of run: consuming Stages, _ tree: SourceTree) throws -> (output: BuildOutput, rendered: RenderedSite) {
        // Taken out of the stages, so that sorting them moves them rather than copying them all first.
        var diagnostics: [Diagnostic] = []
        swap(&diagnostics, &run.diagnostics)
        guard let rendered = run.rendered, !diagnostics.hasErrors else {
            throw BuildFailure(diagnostics: finish(diagnostics, tree))
        }
        let pages = rendered.manifest.entries.count { $0.path.hasSuffix(".html") }
        let output = BuildOutput(
            files: rendered.files, diagnostics: finish(diagnostics, tree),
            statistics: .init(site: rendered.site, pages: pages), manifest: rendered.manifest)
        return (output, rendered)
    }

    /// Every problem of the site, writing nothing: the build's own diagnostics (the pages are rendered even
    /// when there are errors, as far as the templates allow) and a check of every link and `#anchor` of
    /// every page. Sorted, with source lines.
    public func check(_ tree: SourceTree) async -> [Diagnostic] {
        let run: Stages
        var tree = tree
        do {
            run = try await stages(&tree, renderDespiteErrors: true, caches: BuildCaches())
        } catch {
            // Only a sink throws, and a check has none.
            return [.error("internal error: \(error)", file: nil)]
        }
        var diagnostics = run.diagnostics
        if let rendered = run.rendered {
            let reported = Set(diagnostics.map { "\($0.file ?? ""):\($0.line ?? 0):\($0.column ?? 0)" })
            let checker = SiteChecker(site: rendered.site, unbuiltRoutes: run.unbuiltRoutes)
            // A link already reported where it is written (a missing file, say) is not reported twice.
            diagnostics += await checker.linkDiagnostics(rendered.files).filter {
                $0.line == nil || !reported.contains("\($0.file ?? ""):\($0.line ?? 0):\($0.column ?? 0)")
            }
        }
        return finish(diagnostics, tree)
    }

    /// What the stages produced: every diagnostic, and the rendered site unless a stage could not run.
    private struct Stages {
        var diagnostics: [Diagnostic]
        var rendered: RenderedSite?
        /// Routes of articles whose own errors kept them out of the site.
        var unbuiltRoutes: Set<String> = []
        /// What the next build may reuse; the ones passed in when a stage did not run.
        var caches: BuildCaches
    }

    /// Everything the render stage made, with what it was made from.
    private struct RenderedSite {
        let site: Site
        let files: [OutputFile]
        let manifest: Manifest
        let models: ViewModels
        let jobs: [PageJob]
        let config: SiteConfig
        let renderer: MarkdownRenderer
        let highlighting: Highlighting?
        let templates: TemplateRenderer
    }

    /// With a `sink`, `tree` keeps only the heads of the articles once they are parsed, and the bodies go to
    /// `bodyStore` when there is one.
    private func stages(
        _ tree: inout SourceTree, renderDespiteErrors: Bool, caches: BuildCaches, sink: (any OutputSink)? = nil, bodyStore: (any BodyStore)? = nil
    ) async throws -> Stages {
        var (config, diagnostics) = Self.loadConfig(tree)
        apply(options, to: &config)
        let compiled = caches.templates.flatMap { $0.source == tree.templates ? $0 : nil } ?? BuildCaches.Templates(source: tree.templates)
        let (templates, templateDiagnostics) = compiled.compiled
        let (highlighter, grammars, languageDiagnostics) = compiled.languages
        diagnostics += templateDiagnostics + languageDiagnostics
        let highlighting = config.markdown.highlight ? highlighter.map { Highlighting(highlighter: $0, grammars: grammars) } : nil
        let renderer: MarkdownRenderer
        do {
            renderer = try MarkdownRenderer(options: markdownOptions(config))
        } catch {
            return Stages(diagnostics: diagnostics + [.error("Markdown renderer unavailable: \(error)", file: nil)], caches: caches)
        }
        // Only a check renders despite errors, and only a check reads where each link was written.
        let parser = ContentParser(config: config, options: options, renderer: renderer, highlighting: highlighting, keepsLinkSites: renderDespiteErrors)
        var parsed = await parser.parse(&tree, cache: caches.parse, keepingCache: sink == nil, releasingBodies: sink != nil, bodyStore: bodyStore)
        var newCaches = caches
        newCaches.parse = parsed.cache
        newCaches.templates = compiled
        diagnostics += parsed.diagnostics
        var (site, assembleDiagnostics, assembleCache) = await SiteAssembler(config: config).assemble(parsed.articles, data: parsed.data, cache: caches.assemble)
        parsed.articles = []
        site.bodyStore = parsed.bodyStore
        newCaches.assemble = assembleCache
        diagnostics += assembleDiagnostics
        if config.search, let templates, !templates.names.contains("search") {
            diagnostics.append(.error(
                "missing template: search is on, so the build needs templates/search.mustache (or set 'search: false' in sitegen.yaml)",
                file: "templates/search.mustache"))
        }
        guard let templates, renderDespiteErrors || !diagnostics.hasErrors else { return Stages(diagnostics: diagnostics, caches: newCaches) }
        // A build for a sink packed the articles' terms as it parsed them: its index is built from those.
        let postings = parsed.searchPostings
        parsed.searchPostings = nil
        let rendered = try await SiteRenderer(templates: templates).render(
            site, tree: tree, contentCopies: parsed.contentCopies, cache: caches.render, searchPostings: postings, sink: sink)
        newCaches.render = rendered.cache
        return Stages(
            diagnostics: diagnostics + rendered.diagnostics,
            rendered: RenderedSite(
                site: site, files: rendered.files, manifest: rendered.manifest, models: rendered.models, jobs: rendered.jobs,
                config: config, renderer: renderer, highlighting: highlighting, templates: templates),
            unbuiltRoutes: parsed.unbuiltRoutes, caches: newCaches)
    }

    /// The command line's choices over the config's.
    private func apply(_ options: BuildOptions, to config: inout SiteConfig) {
        if let baseURL = options.baseURL { config.baseURL = baseURL }
        config.workers = options.workers
        if let preview = options.preview { config.preview = preview }
        if let label = options.previewLabel {
            config.preview = true
            config.previewLabel = label
        }
    }

    /// The site's configuration; throws `BuildFailure` when it has errors.
    public static func config(of tree: SourceTree) throws -> SiteConfig {
        let (config, diagnostics) = loadConfig(tree)
        if diagnostics.hasErrors { throw BuildFailure(diagnostics: diagnostics) }
        return config
    }

    private static func loadConfig(_ tree: SourceTree) -> (SiteConfig, [Diagnostic]) {
        guard let file = tree.config else { return (SiteConfig(), []) }
        return ConfigParser.parse([UInt8](file.text), path: file.path)
    }

    private func markdownOptions(_ config: SiteConfig) -> MarkdownOptions {
        var options = MarkdownOptions.site
        options.unsafeHTML = config.markdown.unsafeHTML
        options.smartPunctuation = config.markdown.smartPunctuation
        return options
    }

    /// Sorted, with the offending source line attached wherever a position is known.
    func finish(_ diagnostics: consuming [Diagnostic], _ tree: SourceTree) -> [Diagnostic] {
        var diagnostics = diagnostics
        diagnostics.sortByPosition()
        // Each file is decoded and split into lines once, however many diagnostics it has.
        var lines: [String: [Substring]] = [:]
        for index in diagnostics.indices {
            guard diagnostics[index].sourceLine == nil, let file = diagnostics[index].file, let line = diagnostics[index].line, line >= 1 else { continue }
            if lines[file] == nil {
                guard let data = tree.content[file] ?? tree.templates[file] ?? (tree.config?.path == file ? tree.config?.text : nil),
                      case .success(let text) = SourceText.decode(data, path: file) else { continue }
                lines[file] = text.text.split(separator: "\n", omittingEmptySubsequences: false)
            }
            guard let fileLines = lines[file], line <= fileLines.count else { continue }
            diagnostics[index].sourceLine = String(fileLines[line - 1])
        }
        return diagnostics
    }
}

/// What a successful build produces.
public struct BuildOutput: Sendable {
    public var files: [OutputFile]
    /// Warnings (a successful build has no errors).
    public var diagnostics: [Diagnostic]
    public var statistics: BuildStatistics
    /// Every file with its kind, title, URL, sources and SHA-256 (files copied from disk get theirs from
    /// `OutputWriter`, which writes the manifest to `.sitegen/manifest.json`).
    public var manifest: Manifest
    /// The files written afresh, when this is a rebuild (by `IncrementalBuilder`) that took every other
    /// file unchanged from the previous build; nil when any file may differ from the previous build's.
    public var freshFiles: [OutputFile]?
}

/// Counts for the summary line.
public struct BuildStatistics: Sendable, Hashable {
    public var pages: Int
    public var articles: Int
    public var tags: Int
    public var categories: Int

    init(site: Site, pages: Int) {
        self.pages = pages
        articles = site.articles.count
        tags = site.tags.count
        categories = site.categories.count
    }
}
