import PropertyBased
import Testing
@testable import SitegenHighlight

@Suite("Runs made possessive where backtracking into them cannot help")
struct PossessiveRunTests {
    @Test("a top-level run becomes possessive only when what follows cannot start with one of its characters")
    func rewrites() {
        let cases = [
            ("[a-z]+!", "[a-z]++!"),
            ("[a-z_][A-Za-z0-9_]*(?=\\s*\\()", "[a-z_][A-Za-z0-9_]*+(?=\\s*\\()"),
            ("[A-Za-z_][A-Za-z0-9_]*!(?!=)", "[A-Za-z_][A-Za-z0-9_]*+!(?!=)"),
            ("[0-9]+![a-z]*", "[0-9]++![a-z]*+"),
            ("[a-z]*", "[a-z]*+"),
            // What follows may start with a character of the set, or the analysis cannot tell.
            ("[a-z]+a", "[a-z]+a"),
            ("[a-z]+(?<=x)y", "[a-z]+(?<=x)y"),
            ("[a-z]+\\b", "[a-z]+\\b"),
            ("[^\\s]+\\s", "[^\\s]+\\s"),
            ("[a-z]+$", "[a-z]+$"),
            ("[0-9]+[a-z]*", "[0-9]+[a-z]*+"),  // what follows may match nothing, anywhere
            ("[a-z]+\\1", "[a-z]+\\1"),
            // Not greedy, not at the top level, or alternatives at the top level.
            ("[a-z]+?!", "[a-z]+?!"),
            ("[a-z]++!", "[a-z]++!"),
            ("[a-z]{2,}!", "[a-z]{2,}!"),
            ("(?:[a-z]+)!", "(?:[a-z]+)!"),
            ("[a-z]+!|x", "[a-z]+!|x"),
            ("\\[a-z]+!", "\\[a-z]+!"),
            ("\\Q[a-z]+!\\E", "\\Q[a-z]+!\\E"),
            ("[]a-z]+!", "[]a-z]+!"),
        ]
        for (pattern, expected) in cases {
            #expect(CompiledGrammar.possessive(pattern, caseInsensitive: false) == expected, "\(pattern)")
        }
        // Ignoring case, any character beyond ASCII may start either side (`K` folds to the Kelvin sign): the
        // analysis cannot tell them apart, so nothing is rewritten.
        #expect(CompiledGrammar.possessive("[0-9]+!", caseInsensitive: true) == "[0-9]+!")
    }

    static let patterns = [
        "[a-z_][A-Za-z0-9_]*(?=\\s*(?:::\\s*<[^>\\n]*>\\s*)?\\()", "[A-Za-z_][A-Za-z0-9_]*!(?!=)", "[0-9]+[a-z]*",
        "#[a-z]+(?=[ (])", "[a-c]+\\.[a-c]+", "[^\\s(]+\\(", "[a-z]+[0-9]+[!?]*", "\"[^\"\\n]*\"", "[a-z]+k",
    ]

    @Test("property: ICU finds the same match with the possessive pattern at every position")
    func sameMatches() async {
        let pieces = ["a", "b", "c", "k", "K", "z", "_", "9", "0", "!", "!=", "(", " (", "::<T>(", ".", "#", "\"", "\n", " ", "é", "\u{212A}", "?"]
        let text = Gen.int(in: 0..<pieces.count).array(of: 0...12).map { $0.map { pieces[$0] }.joined() }
        await propertyCheck(count: 300, input: text, Gen.int(in: 0..<Self.patterns.count), Gen.bool) { line, which, caseInsensitive in
            let original = Self.patterns[which]
            let tuned = CompiledGrammar.possessive(original, caseInsensitive: caseInsensitive)
            let tunedMatcher = ICUPattern(tuned, caseInsensitive: caseInsensitive)!.matcher()
            ICUOracle.compare(original, caseInsensitive: caseInsensitive, line: line, native: { units, count, offset in
                tunedMatcher.setText(units, count: count)
                guard tunedMatcher.matches(at: offset), let range = tunedMatcher.range(0) else { return .noMatch }
                return .match(end: range.upperBound)
            }) { offset, icu, answer in
                switch answer {
                case .match(let end): #expect(icu == offset..<end, "\(tuned) on \(line.debugDescription) at \(offset)")
                default: #expect(icu == nil, "\(tuned) on \(line.debugDescription) at \(offset)")
                }
            }
        }
    }
}
