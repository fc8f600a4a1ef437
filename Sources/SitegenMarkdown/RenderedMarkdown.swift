/// A 1-based position in the Markdown text given to the renderer.
public struct SourcePosition: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A heading of the rendered document.
public struct Heading: Sendable, Hashable {
    /// 1...6
    public var level: Int
    /// Plain text of the heading (inline markup stripped, entities decoded).
    public var text: String
    /// The `id` attribute given to the heading (empty when heading anchors are off).
    public var id: String
    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}

/// A link or image destination as written in the source, before any rewriting.
public struct LinkReference: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case link, image }
    public var kind: Kind
    public var destination: String
    public var position: SourcePosition
    public init(kind: Kind, destination: String, position: SourcePosition) {
        self.kind = kind
        self.destination = destination
        self.position = position
    }
}

/// A fenced code block as written: its info string (`comparison costs`), its text and where its fence starts.
public struct FencedBlock: Sendable, Hashable {
    public var info: String
    public var literal: String
    public var position: SourcePosition
    public init(info: String, literal: String, position: SourcePosition) {
        self.info = info
        self.literal = literal
        self.position = position
    }
}

/// What a fenced code block is replaced with: HTML written verbatim, and the plain text it shows
/// (empty when it shows none worth counting or searching).
public struct BlockReplacement: Sendable, Hashable {
    public var html: String
    public var text: String
    public init(html: String, text: String) {
        self.html = html
        self.text = text
    }
}

/// The plain text of a document between two headings: what search indexes and quotes.
public struct TextSection: Sendable, Hashable {
    /// The `id` of the heading the section starts at; empty for the text before the first heading, and when
    /// heading anchors are off.
    public var anchor: String
    /// The plain text of that heading; empty for the text before the first heading.
    public var heading: String
    /// The section's text as UTF-8: blocks separated by one space, line breaks as spaces. Search reads and
    /// writes it as bytes, so no String is made of it in a build.
    public var textUTF8: [UInt8]
    /// The section's text.
    public var text: String { String(decoding: textUTF8, as: UTF8.self) }
    public init(anchor: String, heading: String, text: String) {
        self.init(anchor: anchor, heading: heading, textUTF8: Array(text.utf8))
    }

    /// A section whose text is `textUTF8` (valid UTF-8).
    public init(anchor: String, heading: String, textUTF8: [UInt8]) {
        self.anchor = anchor
        self.heading = heading
        self.textUTF8 = textUTF8
    }
}

/// The result of rendering one Markdown document: richer than HTML text.
public struct RenderedMarkdown: Sendable, Hashable {
    /// The HTML body's UTF-8, as cmark-gfm wrote it: kept as bytes, since a build writes it out as bytes
    /// and making a String would validate every byte of it.
    public var htmlUTF8: [UInt8]
    /// The HTML body.
    public var html: String { String(decoding: htmlUTF8, as: UTF8.self) }
    /// Every heading in document order.
    public var headings: [Heading]
    /// Every link and image in document order, with destinations as written.
    public var links: [LinkReference]
    /// Where raw HTML (blocks and inline) occurs; it is omitted from `html` unless `unsafeHTML` is set.
    public var rawHTML: [SourcePosition]
    /// Words of text (code blocks included), for reading time.
    public var wordCount: Int
    /// The text before the first heading, then one section per heading, in document order (raw HTML omitted).
    public var sections: [TextSection]
    public init(
        html: String, headings: [Heading], links: [LinkReference], rawHTML: [SourcePosition], wordCount: Int,
        sections: [TextSection] = []
    ) {
        self.init(htmlUTF8: Array(html.utf8), headings: headings, links: links, rawHTML: rawHTML, wordCount: wordCount, sections: sections)
    }

    init(
        htmlUTF8: [UInt8], headings: [Heading], links: [LinkReference], rawHTML: [SourcePosition], wordCount: Int,
        sections: [TextSection]
    ) {
        self.htmlUTF8 = htmlUTF8
        self.headings = headings
        self.links = links
        self.rawHTML = rawHTML
        self.wordCount = wordCount
        self.sections = sections
    }
}
