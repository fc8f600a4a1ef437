import PropertyBased
import Testing
@testable import SitegenHighlight

@Suite("Literal rules (\"\"\", //[^\\n]*) matched without the regex engine")
struct LiteralRuleTests {
    static let patterns = [#"""""#, #"//[^\n]*"#, #"\]\]"#, #"\*/"#, "#", #"<!--"#, #"--\>"#, #"#[^\n]*"#]

    @Test("reads literal text, with or without a rest-of-line tail, and nothing else")
    func recognisedForms() {
        for pattern in Self.patterns { #expect(LiteralRule(pattern: pattern, caseInsensitive: false) != nil, "\(pattern)") }
        #expect(LiteralRule(pattern: "abc", caseInsensitive: true) == nil)
        for other in ["a|b", "a?", #"\n"#, #"\d"#, "a.", "$", "^a", "(a)", "[a]", "", #"[^\n]*"#, "é", #"a\"#, "a{2}"] {
            #expect(LiteralRule(pattern: other, caseInsensitive: false) == nil, "\(other)")
        }
    }

    @Test("property: the same match as the regex engine at every position")
    func agreesWithICU() async {
        let pieces = ["\"", "/", "*", "]", "#", "<", "!", "-", ">", "a", " ", "\r", "\n", "é", "😀"]
        let text = Gen.int(in: 0..<pieces.count).array(of: 0...12).map { $0.map { pieces[$0] }.joined() }
        await propertyCheck(count: 500, input: text, Gen.int(in: 0..<Self.patterns.count)) { line, which in
            let literal = LiteralRule(pattern: Self.patterns[which], caseInsensitive: false)!
            ICUOracle.expectAgreement(Self.patterns[which], caseInsensitive: false, line: line, native: literal.match) {
                Issue.record("a literal always decides")
            }
        }
    }
}
