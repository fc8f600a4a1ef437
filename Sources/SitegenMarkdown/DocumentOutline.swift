/// One step of a depth-first walk over a parsed document, in plain Swift terms. Text comes as the
/// node's UTF-8, valid only during the visit: most of a document is text, and making a String of each
/// node (validated, allocated, then appended to another) cost more than reading its bytes.
enum DocumentEvent {
    case headingStart(level: Int)
    case headingEnd
    /// The literal of a text or inline code node.
    case text(UnsafeBufferPointer<UInt8>)
    /// A soft or hard line break.
    case lineBreak
    /// Any other block starts or ends.
    case blockBoundary
    /// The literal of a code block, or the text of a block's replacement.
    case codeBlock(UnsafeBufferPointer<UInt8>)
    case link(LinkReference)
    case rawHTML(SourcePosition)
}

/// Collects headings, links, raw HTML positions, the word count and the text of each section from a walk
/// over a document. Section and heading text is gathered as UTF-8 and made a String once, at the end.
struct DocumentOutline {
    private(set) var headings: [Heading] = []
    private var openSections = [OpenSection(heading: "")]
    private(set) var links: [LinkReference] = []
    private(set) var rawHTML: [SourcePosition] = []
    private var words = WordCounter()
    private var openHeading: (level: Int, text: [UInt8])?

    var wordCount: Int { words.count }

    /// The text before the first heading, then one section per heading, without the trailing separator,
    /// once the walk is over. The separator is dropped in place, so no section's bytes are copied.
    mutating func takeSections() -> [TextSection] {
        for index in openSections.indices where openSections[index].text.last == 0x20 { openSections[index].text.removeLast() }
        return openSections.map { TextSection(anchor: "", heading: $0.heading, textUTF8: $0.text) }
    }

    mutating func record(_ event: DocumentEvent) {
        switch event {
        case .headingStart(let level):
            openHeading = (level, [])
            words.endWord()
        case .headingEnd:
            if let heading = openHeading {
                let text = String(decoding: heading.text, as: UTF8.self)
                headings.append(Heading(level: heading.level, text: text, id: ""))
                openSections.append(OpenSection(heading: text))
            }
            openHeading = nil
            words.endWord()
        case .text(let text):
            if openHeading == nil { openSections[openSections.count - 1].text += text } else { openHeading!.text += text }
            words.add(text)
        case .lineBreak:
            openHeading?.text.append(0x20)
            separateText()
            words.endWord()
        case .blockBoundary:
            separateText()
            words.endWord()
        case .codeBlock(let code):
            separateText()
            openSections[openSections.count - 1].text += Self.trimmingTrailingWhitespace(code)
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

    /// A section being gathered: its heading's text and its own text's UTF-8.
    private struct OpenSection {
        let heading: String
        var text: [UInt8] = []
    }
}

extension DocumentOutline {
    /// One space between pieces of section text that a break or block boundary separates.
    private mutating func separateText() {
        guard openHeading == nil else { return }
        let last = openSections.count - 1
        if let final = openSections[last].text.last, final != 0x20 { openSections[last].text.append(0x20) }
    }

    /// `code` without the whitespace characters (`Character.isWhitespace`) that end it. ASCII white space is
    /// dropped byte by byte, which is exact: no grapheme joins a following character onto it. Text ending in
    /// any other scalar is left to `Character`, which knows the rest of Unicode's white space.
    static func trimmingTrailingWhitespace(_ code: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var end = code.count
        while end > 0, code[end - 1] == 0x20 || code[end - 1] &- 0x09 < 5 { end -= 1 }
        guard end > 0, code[end - 1] >= 0x80 else { return UnsafeBufferPointer(rebasing: code[..<end]) }
        let text = String(decoding: code[..<end], as: UTF8.self)
        let kept = text.lastIndex { !$0.isWhitespace }.map(text.index(after:)) ?? text.startIndex
        // cmark-gfm's text is valid UTF-8, so the String spells its bytes one for one (`min` only keeps
        // invalid bytes, repaired into longer ones, from reading past the end).
        return UnsafeBufferPointer(rebasing: code[..<min(end, text.utf8.distance(from: text.startIndex, to: kept))])
    }
}

/// Counts whitespace-separated words over text that arrives in pieces.
///
/// cmark-gfm splits one word over several text nodes (`a_b`, `wow!`, emphasis), so pieces are joined
/// unless a break or block boundary comes between them.
struct WordCounter {
    private(set) var count = 0
    private var inWord = false

    /// Counts the words of `bytes` (UTF-8).
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
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
                if index + length <= bytes.count {
                    var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                    isWhitespace = Unicode.Scalar(value)?.properties.isWhitespace ?? false
                } else {
                    // cmark-gfm's text is valid UTF-8 when its input is; a cut-off scalar is not white space.
                    isWhitespace = false
                }
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
