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
            let raw = UnsafeRawBufferPointer(bytes)
            var index = 0
            while index < bytes.count {
                // Eight ASCII bytes at a time (nearly all text): a word starts at each byte that is not
                // white space and follows one that is.
                if index + 8 <= bytes.count {
                    let group = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    if group & Self.tops == 0 {
                        let inWords = Self.nonSpaceBytes(group)
                        count += (inWords & ~(inWords << 8 | (inWord ? 0x80 : 0))).nonzeroBitCount
                        inWord = inWords >> 63 != 0
                        index += 8
                        continue
                    }
                }
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

    private static let tops: UInt64 = 0x8080_8080_8080_8080

    /// The top bit of each byte of `group` (ASCII) that is not white space (a space, or 0x09 to 0x0D). With
    /// the top bits clear, adding `0x80 - n` to a byte carries into its top bit exactly when it is at least
    /// `n`, and never into the next byte.
    private static func nonSpaceBytes(_ group: UInt64) -> UInt64 {
        func repeated(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }
        func atLeast(_ bytes: UInt64, _ limit: UInt8) -> UInt64 { (bytes &+ repeated(0x80 - limit)) & tops }
        let spaces = ~atLeast(group ^ repeated(0x20), 1) & tops
        let controls = atLeast(group, 0x09) & ~atLeast(group, 0x0E)
        return ~(spaces | controls) & tops
    }
}
