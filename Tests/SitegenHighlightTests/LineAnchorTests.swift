import PropertyBased
import Testing
@testable import SitegenHighlight

@Suite("Rules at line starts and line ends, decided without the regex engine where it can")
struct LineAnchorTests {
    @Test("a pattern is anchored when its ^ applies to every alternative")
    func anchoredPatterns() {
        for anchored in ["^a", "^([ \\t]*)(x)", "^(?:a|b)c", "^[|]", "^\\|x", "^[[a-z]|]y"] {
            #expect(CompiledGrammar.isLineAnchored(anchored), "\(anchored)")
        }
        for loose in ["a^", "^a|b", "(?:^a)", "x|^a", "^a(?:b)|c"] {
            #expect(!CompiledGrammar.isLineAnchored(loose), "\(loose)")
        }
    }

    static let pieces = ["a", "x", " ", "\t", "#", "\r", "\n", "\r\n", "\u{B}", "\u{C}", "\u{85}", "\u{2028}", "\u{2029}", "é"]

    @Test("property: `$` answers as the regex engine does wherever it decides")
    func lineEnd() async {
        let text = Gen.int(in: 0..<Self.pieces.count).array(of: 0...10).map { $0.map { Self.pieces[$0] }.joined() }
        await propertyCheck(count: 500, input: text) { line in
            let rule = LineEndRule(pattern: "$")!
            ICUOracle.expectAgreement("$", caseInsensitive: false, line: line, native: rule.match)
        }
    }

    @Test("property: an anchored pattern never matches where the scanner skips it")
    func lineStart() async {
        let patterns = ["^([ \\t]*)(#)", "^(?:a|x)", "^[ \\t]*x"]
        let text = Gen.int(in: 0..<Self.pieces.count).array(of: 0...10).map { $0.map { Self.pieces[$0] }.joined() }
        await propertyCheck(count: 500, input: text, Gen.int(in: 0..<patterns.count)) { line, which in
            let skipped: (UnsafePointer<UInt16>, Int, Int) -> RuleAnswer = { units, _, offset in
                offset > 0 && !LineMatcher.mayEndLine(units[offset - 1]) ? .noMatch : .undecided
            }
            ICUOracle.compare(patterns[which], caseInsensitive: false, line: line, native: skipped) { offset, icu, answer in
                if answer == .noMatch { #expect(icu == nil, "\(line.debugDescription) at \(offset)") }
            }
        }
    }
}
