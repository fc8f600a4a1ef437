import SitegenMarkdown

/// Options with nothing on but what a test names.
func options(
    _ extensions: Set<MarkdownOptions.Extension> = [], footnotes: Bool = false, unsafeHTML: Bool = false,
    smart: Bool = false, anchors: Bool = false, styleAttributes: Bool = false,
    accessible: Bool = false
) -> MarkdownOptions {
    MarkdownOptions(
        extensions: extensions, footnotes: footnotes, unsafeHTML: unsafeHTML,
        smartPunctuation: smart, headingAnchors: anchors, tableStyleAttributes: styleAttributes,
        accessibleMarkup: accessible
    )
}

/// Renders with a fresh renderer; the options used in tests always exist.
func render(_ markdown: String, _ options: MarkdownOptions = .commonMark) throws -> RenderedMarkdown {
    try MarkdownRenderer(options: options).render(markdown)
}

func html(_ markdown: String, _ options: MarkdownOptions = .commonMark) throws -> String {
    try render(markdown, options).html
}
