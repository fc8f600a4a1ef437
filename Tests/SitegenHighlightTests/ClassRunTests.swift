import PropertyBased
import Testing
@testable import SitegenHighlight

@Suite("Identifier rules ([A-Za-z_][A-Za-z0-9_]*) matched without the regex engine")
struct ClassRunTests {
    static let patterns = [
        "[A-Za-z_][A-Za-z0-9_]*", "[A-Z][A-Za-z0-9_$]*", "[A-Za-z_$][A-Za-z0-9_$:\\-]*", "[-a-c:.][-A-Z.]*", "[0-9][0-9_.]*",
        "[-+*/%@&|^~<>=!.]+", "[\\[\\]\\{\\}():,;]", "[a-c]", "[K][s]*",
        // An optional character first, also one the first set holds (then a match may start with it twice).
        "#?[A-Za-z_$][A-Za-z0-9_$]*", "-?[A-Za-z_][-A-Za-z0-9_]*", "\\$?[a-z]+", "-?[-a-c][a-c]*", "\\.?[.a]",
    ]

    @Test("reads sets of ASCII characters and ranges (closed under case where case is ignored), and nothing else")
    func recognisedForms() {
        for pattern in Self.patterns { #expect(ClassRun(pattern: pattern, caseInsensitive: false) != nil, "\(pattern)") }
        for other in ["a?[a-z]+", "#??[a-z]+", "#?+[a-z]+", ".?[a-z]+", "\\s?[a-z]+", "#?#?[a-z]+", "[^\\s][^\\n]*", "[a-z][\\w]*", "[a-z][a-z]+x", "[a-z]*", "[a-z]+?", "[a-z]{2}", "[a]+[b]*", "[:alpha:][a-z]*", "[a-z][[a-z]]*", "[a-z]x[a-z]*", "[z-a][a-z]*", "[é][a-z]*", "[a-z][a-z]*?"] {
            #expect(ClassRun(pattern: other, caseInsensitive: false) == nil, "\(other)")
        }
    }

    @Test("property: the same match as the regex engine at every position")
    func agreesWithICU() async {
        let pieces = ["a", "Z", "_", "$", "9", "-", "#", "--", "#a", ":", ".", "é", "\u{212A}", " ", "(", "\n", "😀", "foo_Bar1", "k", "S", "\u{17F}", "+=", "[", "]", "{", ";", "!", "<"]
        let text = Gen.int(in: 0..<pieces.count).array(of: 0...10).map { $0.map { pieces[$0] }.joined() }
        await propertyCheck(count: 500, input: text, Gen.int(in: 0..<Self.patterns.count), Gen.bool) { line, which, caseInsensitive in
            let run = ClassRun(pattern: Self.patterns[which], caseInsensitive: caseInsensitive)!
            ICUOracle.expectAgreement(Self.patterns[which], caseInsensitive: caseInsensitive, line: line, native: run.match) {
                #expect(caseInsensitive, "a class run decides unless case is ignored")
            }
        }
    }
}
