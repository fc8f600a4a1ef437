import PropertyBased
import Testing
@testable import SitegenMarkdown

/// The byte-level fast paths agree with the Unicode-level code they stand in for.
@Suite struct ByteFastPathTests {
    @Test("property: ASCII heading ids made on bytes equal those made through Unicode's properties")
    func asciiHeadingSlugs() async {
        await propertyCheck(input: Gen.unicodeScalar(in: "\u{0}"..."\u{7F}").array(of: 0...24)) { scalars in
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            #expect(HeadingIDs.asciiSlug(text) == HeadingIDs.unicodeSlug(text))
        }
        #expect(HeadingIDs.asciiSlug("Ünïcode") == nil)
    }

    @Test("property: words counted on bytes are the runs between whitespace scalars, in pieces as a whole")
    func wordCountOnBytes() async {
        await checkWordCount(
            of: ["a", "bc", " ", "\t", "\n", "\u{B}", "\u{C}", "\r", "é", "\u{A0}", "\u{2003}", "\u{3000}", "😀", "\u{85}", "x\u{2028}y"],
            upTo: 16)
    }

    @Test("property: ASCII text counted eight bytes at a time gives the runs between whitespace bytes")
    func asciiWordCountInGroups() async {
        await checkWordCount(
            of: ["a", "bcdefgh", " ", "\t", "\n", "\u{B}", "\u{C}", "\r", "\u{8}", "\u{E}", "\u{1F}", "!", "~", "\u{7F}"], upTo: 40)
    }

    @Test("a scalar cut off at the end of the bytes counts as a word's, and is not read past")
    func cutOffScalar() {
        var counter = WordCounter()
        // "a " and the first two bytes of U+3000 (ideographic space), whose third byte is missing.
        [UInt8]([0x61, 0x20, 0xE3, 0x80]).withUnsafeBufferPointer { counter.add($0) }
        #expect(counter.count == 2)
    }

    @Test("property: trailing whitespace trimmed on bytes equals trimming whole Characters that are whitespace")
    func trailingWhitespaceOnBytes() async {
        let pieces = ["a", "é", " ", "\t", "\n", "\r\n", "\u{B}", "\u{A0}", "\u{3000}", "\u{301}", "\u{85}", "😀", "\u{1F}"]
        let text = Gen.int(in: 0..<pieces.count).array(of: 0...12).map { $0.map { pieces[$0] }.joined() }
        await propertyCheck(input: text) { text in
            let end = text.lastIndex { !$0.isWhitespace }.map(text.index(after:)) ?? text.startIndex
            var copy = text
            let trimmed = copy.withUTF8 { String(decoding: DocumentOutline.trimmingTrailingWhitespace($0), as: UTF8.self) }
            #expect(trimmed == String(text[..<end]), "\(text.debugDescription)")
        }
    }

    /// Texts of up to `count` of `pieces`, given to a counter in two parts, count the runs between
    /// whitespace scalars of the whole.
    private func checkWordCount(of pieces: [String], upTo count: Int) async {
        let text = Gen.int(in: 0..<pieces.count).array(of: 0...count).map { $0.map { pieces[$0] }.joined() }
        await propertyCheck(input: text, text) { first, second in
            var counter = WordCounter()
            for var piece in [first, second] { piece.withUTF8 { counter.add($0) } }
            let words = (first + second).unicodeScalars.split { $0.properties.isWhitespace }
            #expect(counter.count == words.count, "\((first + second).debugDescription)")
        }
    }
}
