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
        var (config, diagnostics) = Self.loadConfig(tree)
        if let baseURL = options.baseURL { config.baseURL = baseURL }
        let (templates, templateDiagnostics) = TemplateRenderer.make(templates: tree.templates)
        diagnostics += templateDiagnostics
        let renderer: MarkdownRenderer
        do {
            renderer = try MarkdownRenderer(options: markdownOptions(config))
        } catch {
            throw BuildFailure(diagnostics: diagnostics + [.error("Markdown renderer unavailable: \(error)", file: nil)])
        }
        let parsed = await ContentParser(config: config, options: options, renderer: renderer).parse(tree)
        diagnostics += parsed.diagnostics
        let (site, assembleDiagnostics) = await SiteAssembler(config: config).assemble(parsed.articles, data: parsed.data)
        diagnostics += assembleDiagnostics
        guard let templates, !diagnostics.hasErrors else { throw BuildFailure(diagnostics: finish(diagnostics, tree)) }
        let (files, renderDiagnostics) = await SiteRenderer(templates: templates).render(site, tree: tree, contentCopies: parsed.contentCopies)
        diagnostics += renderDiagnostics
        if diagnostics.hasErrors { throw BuildFailure(diagnostics: finish(diagnostics, tree)) }
        let pages = files.count { $0.path.hasSuffix(".html") }
        return BuildOutput(files: files, diagnostics: finish(diagnostics, tree), statistics: .init(site: site, pages: pages))
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
    private func finish(_ diagnostics: [Diagnostic], _ tree: SourceTree) -> [Diagnostic] {
        diagnostics.sorted().map { diagnostic in
            guard diagnostic.sourceLine == nil, let file = diagnostic.file, let line = diagnostic.line,
                  let data = tree.content[file] ?? tree.templates[file] ?? (tree.config?.path == file ? tree.config?.text : nil),
                  case .success(let text) = SourceText.decode(data, path: file) else { return diagnostic }
            var withLine = diagnostic
            withLine.sourceLine = text.line(line)
            return withLine
        }
    }
}

/// What a successful build produces.
public struct BuildOutput: Sendable {
    public var files: [OutputFile]
    /// Warnings (a successful build has no errors).
    public var diagnostics: [Diagnostic]
    public var statistics: BuildStatistics
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
