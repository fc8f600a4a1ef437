import SitegenMarkdown
import SitegenSearch

extension ContentParser {
    /// Renders one article's Markdown, rewriting links and reporting broken ones at their positions; its
    /// search terms are counted through `terms`.
    func renderBody(_ head: ArticleSource, resolver: LinkResolver, embeds: EmbedResolver, terms: inout TermCache) -> (Article, [Diagnostic]) {
        let source = head.opened()
        var diagnostics: [Diagnostic] = []
        var sites: [LinkSite] = []
        var page = EmbedResolver.Page(resolver: embeds, source: source)
        let rendered = renderer.render(source.body, rewriteLink: { link in
            let position = FilePosition(line: link.position.line + source.bodyFirstLine - 1, column: link.position.column)
            let url = resolveLink(link, source: source, position: position, resolver: resolver, diagnostics: &diagnostics)
            if keepsLinkSites { sites.append(LinkSite(url: url ?? link.destination, position: position)) }
            return url
        }, replaceBlock: { block in
            // A table or decision helper shows data, not the block's text; highlighted code shows the block's text.
            if let html = page.html(for: block) { return BlockReplacement(html: html, text: "") }
            return highlighting?.html(for: block, source: source, diagnostics: &diagnostics).map { BlockReplacement(html: $0, text: block.literal) }
        })
        diagnostics += page.diagnostics + page.brokenFragments(headingIDs: Set(rendered.headings.map(\.id)))
        if let first = rendered.rawHTML.first, !config.markdown.unsafeHTML {
            let count = rendered.rawHTML.count
            let places = count == 1 ? "" : " (\(count) places in this file)"
            diagnostics.append(source.text.diagnostic(
                .warning, "raw HTML is omitted\(places); set 'markdown: {unsafe_html: true}' in sitegen.yaml to keep it",
                line: first.line + source.bodyFirstLine - 1, column: first.column))
        }
        let (imageURL, imageDiagnostics) = resolveImage(source, resolver: resolver)
        diagnostics += imageDiagnostics
        let indexed = config.search && !source.meta.draft
        let sections = indexed ? SearchFragment.encode(rendered.sections.map { .init(anchor: $0.anchor, heading: $0.heading, textUTF8: $0.textUTF8) }) : []
        var article = Article(
            path: head.path, meta: head.meta, route: head.route, body: .held(html: rendered.htmlUTF8, searchSections: sections),
            headings: rendered.headings, wordCount: rendered.wordCount, imageURL: imageURL
        )
        article.linkSites = sites
        if indexed {
            article.isIndexed = true
            article.searchTerms = DocumentTerms(SearchFields(
                title: source.meta.title, description: source.meta.description ?? "", tags: source.meta.tags,
                headings: rendered.headings.map(\.text), bodyUTF8: rendered.sections.map(\.textUTF8)), cache: &terms)
        }
        return (article, diagnostics)
    }

    /// The URL to write for a link (nil: as written), reporting broken and missing targets at `position`.
    private func resolveLink(
        _ link: LinkReference, source: ArticleText, position: FilePosition, resolver: LinkResolver, diagnostics: inout [Diagnostic]
    ) -> String? {
        switch resolver.resolve(link.destination, from: source.path, isImage: link.kind == .image) {
        case .rewritten(let url): return url
        case .unchanged: return nil
        case .broken(let message):
            diagnostics.append(source.text.diagnostic(.error, message, line: position.line, column: position.column))
            return nil
        case .missing(let message, let url):
            diagnostics.append(source.text.diagnostic(.warning, message, line: position.line, column: position.column))
            return url
        }
    }

    private func resolveImage(_ source: ArticleText, resolver: LinkResolver) -> (String?, [Diagnostic]) {
        guard let image = source.meta.image, !image.isEmpty else { return (nil, []) }
        var diagnostics: [Diagnostic] = []
        let position = source.meta.positions["image"]
        if source.meta.imageAlt?.isEmpty ?? true {
            diagnostics.append(source.text.diagnostic(.warning, "'image' has no 'image_alt'; describe the image for readers who cannot see it", line: position?.line, column: position?.column))
        }
        switch resolver.resolve(image, from: source.path, isImage: true) {
        case .unchanged: return (image, diagnostics)
        case .rewritten(let url): return (url, diagnostics)
        case .broken(let message), .missing(let message, url: nil):
            diagnostics.append(source.text.diagnostic(.warning, message, line: position?.line, column: position?.column))
            return (image, diagnostics)
        case .missing(let message, .some(let url)):
            diagnostics.append(source.text.diagnostic(.warning, message, line: position?.line, column: position?.column))
            return (url, diagnostics)
        }
    }

    /// Output path → content path of every non-Markdown content file this build publishes.
    /// Files inside a page bundle (a folder with `index.md`) are placed beside the bundle's page.
    func contentCopies(_ tree: SourceTree, published: [ArticleSource]) -> [String: String] {
        let bundleRoutes = Dictionary(
            published.filter(\.isBundle).map { (String($0.path.dropLast("index.md".count)), $0.route) },
            uniquingKeysWith: { first, _ in first })
        let bundleDirectories = Set(tree.content.keys.filter { $0.hasSuffix("/index.md") }.map { String($0.dropLast("index.md".count)) })
        var copies: [String: String] = [:]
        for path in tree.content.keys where !path.hasSuffix(".md") && !Self.isData(path) {
            if let bundle = Self.enclosingBundle(of: path, in: bundleDirectories) {
                guard let route = bundleRoutes[bundle] else { continue }
                copies[route + path.dropFirst(bundle.count)] = path
            } else {
                copies[String(path.dropFirst("content/".count))] = path
            }
        }
        return copies
    }

    private static func enclosingBundle(of path: String, in bundles: Set<String>) -> String? {
        var directory = Substring(path)
        while let slash = directory.dropLast().lastIndex(of: "/") {
            directory = directory[...slash]
            if bundles.contains(String(directory)) { return String(directory) }
        }
        return nil
    }
}
