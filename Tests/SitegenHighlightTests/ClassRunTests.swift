import PropertyBased
import Testing
@testable import SitegenHighlight

@Suite("Identifier rules ([A-Za-z_][A-Za-z0-9_]*) matched without the regex engine")
struct ClassRunTests {
    static let patterns = [
        "[A-Za-z_][A-Za-z0-9_]*", "[A-Z][A-Za-z0-9_$]*", "[A-Za-z_$][A-Za-z0-9_$:\\-]*", "[-a-c:.][-A-Z.]*", "[0-9][0-9_.]*",
        "[-+*/%@&|^~<>=!.]+", "[\\[\\]\\{\\}():,;]", "[a-c]",
    ]

    @Test("reads sets of ASCII characters and ranges, and nothing else")
    func recognisedForms() {
        for pattern in Self.patterns { #expect(ClassRun(pattern: pattern, caseInsensitive: false) != nil, "\(pattern)") }
        #expect(ClassRun(pattern: Self.patterns[0], caseInsensitive: true) == nil)
        for other in ["[^\\s][^\\n]*", "[a-z][\\w]*", "[a-z][a-z]+x", "[a-z]*", "[a-z]+?", "[a-z]{2}", "[a]+[b]*", "[:alpha:][a-z]*", "[a-z][[a-z]]*", "[a-z]x[a-z]*", "[z-a][a-z]*", "[é][a-z]*", "[a-z][a-z]*?"] {
            #expect(ClassRun(pattern: other, caseInsensitive: false) == nil, "\(other)")
        }
    }

    @Test("property: the same match as the regex engine at every position")
    func agreesWithICU() async {
        let pieces = ["a", "Z", "_", "$", "9", "-", ":", ".", "é", "\u{212A}", " ", "(", "\n", "😀", "foo_Bar1", "+=", "[", "]", "{", ";", "!", "<"]
        let text = Gen.int(in: 0..<pieces.count).array(of: 0...10).map { $0.map { pieces[$0] }.joined() }
        await propertyCheck(count: 500, input: text, Gen.int(in: 0..<Self.patterns.count)) { line, which in
            let run = ClassRun(pattern: Self.patterns[which], caseInsensitive: false)!
            ICUOracle.compare(Self.patterns[which], caseInsensitive: false, line: line, native: run.match) { offset, icu, answer in
                switch answer {
                case .match(let end): #expect(icu == offset..<end, "\(line) at \(offset)")
                case .noMatch: #expect(icu == nil, "\(line) at \(offset)")
                case .undecided: Issue.record("a class run always decides")
                }
            }
        }
    }
}
