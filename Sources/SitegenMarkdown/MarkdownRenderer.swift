/// Renders Markdown to HTML with cmark-gfm and reports what the site needs to know about the document.
///
/// A renderer holds only its options and every `render` call uses its own cmark-gfm parser, so renderers
/// may be created and used from many tasks at once. (libcmark-gfm has process-wide parser state, which
/// `CMarkDocument` guards so that parses, too, run in parallel.)
public struct MarkdownRenderer: Sendable {
    /// The options every render uses.
    public let options: MarkdownOptions

    /// Registers cmark-gfm's extensions and checks that every requested one exists.
    /// - Throws: `MarkdownError.missingExtension` for an extension cmark-gfm does not know.
    public init(options: MarkdownOptions) throws {
        try CMarkDocument.registerExtensions(named: MarkdownOptions.Extension.allCases
            .filter(options.extensions.contains).map(\.rawValue))
        self.options = options
    }

    /// Renders one document.
    /// - Parameters:
    ///   - markdown: The Markdown source.
    ///   - rewriteLink: Called once for every link and image, in document order, with its destination as
    ///     written and its position; a non-nil return replaces the destination in the HTML.
    ///     `links` keeps the destinations as written.
    ///   - replaceBlock: Called once for every fenced code block, in document order, before anything else
    ///     looks at the document; a non-nil return's HTML is written in the block's place, verbatim, and
    ///     its text counts as the block's words and section text.
    public func render(
        _ markdown: String, rewriteLink: (LinkReference) -> String? = { _ in nil },
        replaceBlock: (FencedBlock) -> BlockReplacement? = { _ in nil }
    ) -> RenderedMarkdown {
        var document = CMarkDocument(parsing: markdown, options: options)
        var outline = DocumentOutline()
        document.walk(replacingFencedBlocks: replaceBlock) { outline.record($0) }
        document.rewriteLinks(rewriteLink)
        var headings = outline.headings
        var sections = outline.takeSections()
        if options.headingAnchors {
            headings = Self.assignIDs(to: headings)
            document.replaceHeadings { [headings] index, innerHTML in
                index < headings.count ? HeadingAnchor.html(for: headings[index], innerHTML: innerHTML) : nil
            }
            // Section k > 0 starts at heading k - 1.
            for index in sections.indices.dropFirst() where index - 1 < headings.count { sections[index].anchor = headings[index - 1].id }
        }
        let html = document.renderHTML(editing: options.accessibleMarkup ? AccessibleMarkup.edits : nil)
        return RenderedMarkdown(
            htmlUTF8: html, headings: headings, links: outline.links,
            rawHTML: outline.rawHTML, wordCount: outline.wordCount, sections: sections
        )
    }

    private static func assignIDs(to headings: [Heading]) -> [Heading] {
        var ids = HeadingIDs()
        return headings.map { heading in
            var heading = heading
            heading.id = ids.id(for: heading.text)
            return heading
        }
    }
}

/// Why a `MarkdownRenderer` could not be created.
public enum MarkdownError: Error, Equatable, Sendable {
    /// cmark-gfm has no syntax extension of this name.
    case missingExtension(String)
}
