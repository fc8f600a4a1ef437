import PropertyBased
import Testing
@testable import SitegenHighlight

@Suite("Word-list rules matched without the regex engine")
struct WordListTests {
    static let patterns = [
        #"\b(?:a(?:s(?:ync)?|wait)|if|in(?:t)?)\b"#,
        #"(?<!\.)\b(?:len|self|print)\b"#,
        #"\b(?:SELECT|from|Where)\b"#,
    ]

    @Test("reads the forms `words:` rules and hand-written lists take, and nothing else")
    func recognisedForms() {
        #expect(WordList(pattern: Self.patterns[0], caseInsensitive: false) != nil)
        #expect(WordList(pattern: Self.patterns[1], caseInsensitive: false) != nil)
        for other in [#"\b(?:a|b)"#, #"\b(?:a.b)\b"#, #"\b(?:a(?:b)c)\b"#, #"\b(?:)\b"#, #"(?:a|b)\b"#, #"\b(?:a|b)\b+"#, #"\b(?:c\+\+)\b"#] {
            #expect(WordList(pattern: other, caseInsensitive: false) == nil, "\(other)")
        }
    }

    @Test("answers at word starts, inside words, after a dot and beside other scripts")
    func examples() {
        func answer(_ line: String, _ offset: Int, pattern: Int = 1, caseInsensitive: Bool = false) -> RuleAnswer {
            let units = Array(line.utf16)
            return units.withUnsafeBufferPointer { WordList(pattern: Self.patterns[pattern], caseInsensitive: caseInsensitive)!.match(in: $0.baseAddress!, count: units.count, at: offset) }
        }
        #expect(answer("len(x)", 0) == .match(end: 3))
        #expect(answer("x.len(x)", 2) == .noMatch)
        #expect(answer("a.len(x)", 2, pattern: 0) == .noMatch)
        #expect(answer("xlen", 1) == .noMatch)
        #expect(answer("lenx", 0) == .noMatch)
        #expect(answer("len\u{301}", 0) == .undecided)
        #expect(answer("élen", 1) == .undecided)
        #expect(answer("async", 0, pattern: 0) == .match(end: 5))
        #expect(answer("as ", 0, pattern: 0) == .match(end: 2))
        #expect(answer("asy", 0, pattern: 0) == .noMatch)
        #expect(answer("select x", 0, pattern: 2) == .noMatch)
        #expect(answer("select x", 0, pattern: 2, caseInsensitive: true) == .match(end: 6))
    }

    /// Wherever the list decides, it decides as ICU does; beyond ASCII it leaves the decision to ICU.
    @Test("property: the same answer as the regex engine at every position")
    func agreesWithICU() async {
        let pieces = ["a", "as", "async", "await", "if", "int", "in", "len", "self", "print", "SELECT", "select", "Where",
                      " ", ".", "_", "x", "9", "é", "\u{301}", "K", "\u{212A}", "(", "\n"]
        let text = Gen.int(in: 0..<pieces.count).array(of: 0...10).map { $0.map { pieces[$0] }.joined() }
        await propertyCheck(count: 1000, input: text, Gen.int(in: 0..<Self.patterns.count), Gen.bool) { line, which, caseInsensitive in
            let pattern = Self.patterns[which]
            let words = WordList(pattern: pattern, caseInsensitive: caseInsensitive)!
            ICUOracle.expectAgreement(pattern, caseInsensitive: caseInsensitive, line: line, emptyIsNone: true, native: words.match)
        }
    }
}
