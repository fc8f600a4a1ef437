/// One step of a depth-first walk over a parsed document, in plain Swift terms.
enum DocumentEvent {
    case headingStart(level: Int)
    case headingEnd
    /// The literal of a text or inline code node.
    case text(String)
    /// A soft or hard line break.
    case lineBreak
    /// Any other block starts or ends.
    case blockBoundary
    case codeBlock(String)
    case link(LinkReference)
    case rawHTML(SourcePosition)
}

/// Collects headings, links, raw HTML positions, the word count and the text of each section from a walk
/// over a document.
struct DocumentOutline {
    private(set) var headings: [Heading] = []
    private var openSections = [TextSection(anchor: "", heading: "", text: "")]
    private(set) var links: [LinkReference] = []
    private(set) var rawHTML: [SourcePosition] = []
    private var words = WordCounter()
    private var openHeading: (level: Int, text: String)?

    var wordCount: Int { words.count }

    /// The text before the first heading, then one section per heading, without the trailing separator.
    var sections: [TextSection] {
        openSections.map { section in
            var section = section
            if section.text.last == " " { section.text.removeLast() }
            return section
        }
    }

    mutating func record(_ event: DocumentEvent) {
        switch event {
        case .headingStart(let level):
            openHeading = (level, "")
            words.endWord()
        case .headingEnd:
            if let heading = openHeading {
                headings.append(Heading(level: heading.level, text: heading.text, id: ""))
                openSections.append(TextSection(anchor: "", heading: heading.text, text: ""))
            }
            openHeading = nil
            words.endWord()
        case .text(let text):
            if openHeading == nil { openSections[openSections.count - 1].text += text } else { openHeading!.text += text }
            words.add(text)
        case .lineBreak:
            openHeading?.text += " "
            separateText()
            words.endWord()
        case .blockBoundary:
            separateText()
            words.endWord()
        case .codeBlock(let code):
            separateText()
            // Only the trailing whitespace is walked backwards; the code itself is appended as it is.
            let end = code.lastIndex { !$0.isWhitespace }.map(code.index(after:)) ?? code.startIndex
            openSections[openSections.count - 1].text += code[..<end]
            separateText()
            words.endWord()
            words.add(code)
            words.endWord()
        case .link(let link):
            links.append(link)
        case .rawHTML(let position):
            rawHTML.append(position)
        }
    }
}

extension DocumentOutline {
    /// One space between pieces of section text that a break or block boundary separates.
    private mutating func separateText() {
        guard openHeading == nil else { return }
        let last = openSections.count - 1
        if let final = openSections[last].text.last, final != " " { openSections[last].text += " " }
    }
}

/// Counts whitespace-separated words over text that arrives in pieces.
///
/// cmark-gfm splits one word over several text nodes (`a_b`, `wow!`, emphasis), so pieces are joined
/// unless a break or block boundary comes between them.
struct WordCounter {
    private(set) var count = 0
    private var inWord = false

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let isWhitespace: Bool
                // ASCII on the byte; other scalars decoded, since the Unicode property look-up is the slow path.
                if byte < 0x80 {
                    isWhitespace = byte == 0x20 || byte &- 0x09 < 5
                    index += 1
                } else {
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                    isWhitespace = Unicode.Scalar(value)?.properties.isWhitespace ?? false
                    index += length
                }
                if isWhitespace {
                    inWord = false
                } else if !inWord {
                    count += 1
                    inWord = true
                }
            }
        }
    }

    mutating func endWord() {
        inWord = false
    }
}
