import PropertyBased
import Testing
@testable import SitegenHighlight

@Suite("Rules with a context (after `.`, before a call's `(`) matched without the regex engine")
struct ContextRuleTests {
    static let patterns = [
        #"(?<=\.)[A-Za-z_][A-Za-z0-9_$]*"#,
        #"[A-Za-z_][A-Za-z0-9_]*(?=\s*\()"#,
        #"[a-z_][A-Za-z0-9_]*(?=\()"#,
        #"\b(?:max|min|count|now)(?=\s*\()"#,
        #"(?<!\.)\b(?:len|make|new)\b(?=\()"#,
        #"(?<=\.)\b(?:push|pop)\b"#,
    ]

    @Test("reads a word list or a class run with a context, and nothing else")
    func recognisedForms() {
        for pattern in Self.patterns { #expect(ContextRule(pattern: pattern, caseInsensitive: false) != nil, "\(pattern)") }
        for other in [
            "[A-Za-z_]+", #"\b(?:a|b)\b"#, #"[A-Za-z_ ]+(?=\s*\()"#, #"[a-z(]*(?=\()"#, #"[a-z]+(?=\s*\[)"#,
            #"(?<=\.)a|b"#, #"(?<=-)[a-z]+"#, #"[a-z]+(?!\()"#,
        ] {
            #expect(ContextRule(pattern: other, caseInsensitive: false) == nil, "\(other)")
        }
    }

    @Test("property: where it decides, the same match as the regex engine at every position")
    func agreesWithICU() async {
        let pieces = ["max", "Now", "len", "push", "x", "_", "$", "1", ".", "(", " ", "\t", "\u{0B}", "\u{A0}", "\u{2003}", "é", "\u{212A}", "\n"]
        let text = Gen.int(in: 0..<pieces.count).array(of: 0...10).map { $0.map { pieces[$0] }.joined() }
        await propertyCheck(count: 1000, input: text, Gen.int(in: 0..<Self.patterns.count), Gen.bool) { line, which, caseInsensitive in
            let pattern = Self.patterns[which]
            let rule = ContextRule(pattern: pattern, caseInsensitive: caseInsensitive)!
            ICUOracle.expectAgreement(pattern, caseInsensitive: caseInsensitive, line: line, native: rule.match)
        }
    }
}
