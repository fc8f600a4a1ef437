/// How Markdown is turned into HTML. Plain values; the renderer maps them onto cmark-gfm.
public struct MarkdownOptions: Sendable, Hashable {
    /// A GFM syntax extension that cmark-gfm ships.
    public enum Extension: String, Sendable, Hashable, CaseIterable {
        case table, strikethrough, autolink, tagfilter, tasklist
    }

    /// Extensions to attach to the parser.
    public var extensions: Set<Extension>
    /// Whether `[^1]` footnotes are parsed.
    public var footnotes: Bool
    /// Keep raw HTML instead of replacing it with `<!-- raw HTML omitted -->`.
    public var unsafeHTML: Bool
    /// Curly quotes, dashes and ellipses.
    public var smartPunctuation: Bool
    /// Give headings stable, unique GitHub-style ids and a visible anchor link.
    public var headingAnchors: Bool
    /// Align table cells with `style="text-align: …"` instead of the `align` attribute HTML5 made obsolete.
    public var tableStyleAttributes: Bool
    /// Keyboard and screen-reader friendly markup: tables and code blocks (which may scroll sideways) can
    /// take focus, and task-list checkboxes are labelled.
    public var accessibleMarkup: Bool

    public init(
        extensions: Set<Extension>, footnotes: Bool, unsafeHTML: Bool,
        smartPunctuation: Bool, headingAnchors: Bool, tableStyleAttributes: Bool,
        accessibleMarkup: Bool
    ) {
        self.extensions = extensions
        self.footnotes = footnotes
        self.unsafeHTML = unsafeHTML
        self.smartPunctuation = smartPunctuation
        self.headingAnchors = headingAnchors
        self.tableStyleAttributes = tableStyleAttributes
        self.accessibleMarkup = accessibleMarkup
    }

    /// What articles use: every GFM extension, footnotes, smart punctuation and heading anchors; raw HTML omitted.
    public static let site = MarkdownOptions(
        extensions: Set(Extension.allCases), footnotes: true, unsafeHTML: false,
        smartPunctuation: true, headingAnchors: true, tableStyleAttributes: true,
        accessibleMarkup: true
    )

    /// Plain cmark-gfm: no extensions, nothing added.
    public static let commonMark = MarkdownOptions(
        extensions: [], footnotes: false, unsafeHTML: false,
        smartPunctuation: false, headingAnchors: false, tableStyleAttributes: false,
        accessibleMarkup: false
    )
}
