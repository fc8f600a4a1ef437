import Foundation
import PropertyBased
import Testing
@testable import SitegenSearch

struct SearchTokenizerTests {
    private struct Case: Decodable {
        let text: String
        let terms: [String]
    }

    /// The cases `Tests/Browser/search_engine_test.mjs` holds the script's tokenizer to as well.
    @Test func sharedCases() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/terms.json")
        let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: url))
        #expect(cases.count > 20)
        for testCase in cases {
            #expect(SearchTokenizer().terms(in: testCase.text) == testCase.terms, "\(testCase.text.debugDescription)")
        }
    }

    @Test func termsAreLowerCaseRunsOfTheText() async {
        let alphabet = Array("aZ9 ,.'’-é\u{301}Σß日\n".unicodeScalars)
        await propertyCheck(input: Gen.int(in: 0..<alphabet.count).array(of: 0...40)) { picks in
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: picks.map { alphabet[$0] })
            let text = String(scalars)
            for term in SearchTokenizer().terms(in: text) {
                #expect(!term.isEmpty && term.unicodeScalars.count <= SearchTokenizer.maximumLength)
                #expect(term == term.lowercased())
                #expect(!term.contains("'") && !term.contains("’") && !term.contains(" "))
            }
        }
    }

    /// The tokenizer's rules one scalar at a time: a word is a run of word scalars, one apostrophe between
    /// two of them joins them, and each word is normalised.
    static func reference(_ text: String) -> [String] {
        var terms: [String] = []
        var word = String.UnicodeScalarView()
        var pendingApostrophe = false
        func finish() {
            if !word.isEmpty, let term = SearchTokenizer.normalise(String(word)) { terms.append(term) }
            word = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if SearchTokenizer.isWordScalar(scalar) {
                pendingApostrophe = false
                word.append(scalar)
            } else if !word.isEmpty && !pendingApostrophe && (scalar == "'" || scalar == "\u{2019}") {
                pendingApostrophe = true
            } else {
                pendingApostrophe = false
                finish()
            }
        }
        finish()
        return terms
    }

    @Test func agreesWithScalarByScalarReference() async {
        let pieces = ["a", "Z", "q", "7", "Word", "UPPER", "mIxEd", String(repeating: "x", count: 47), String(repeating: "Y", count: 48),
                      String(repeating: "z", count: 49), " ", ",", ".", "'", "’", "-", "\n", "é", "e\u{301}", "Σ", "ß", "日", "\u{1}"]
        await propertyCheck(count: 1000, input: Gen.int(in: 0..<pieces.count).array(of: 0...24)) { picks in
            let text = picks.map { pieces[$0] }.joined()
            #expect(SearchTokenizer().terms(in: text) == Self.reference(text), "\(text.debugDescription)")
        }
    }

    /// Texts of many blocks: words that end at, cross and fill a 64-byte block, and the scalars after them.
    @Test func longTextsAgreeWithScalarByScalarReference() async {
        let pieces = ["word", "Word", "7", " ", "  ", ",", "'", "’", "é", "—", "e\u{301}", "x" + String(repeating: "y", count: 62),
                      String(repeating: "z", count: 70), String(repeating: "a", count: 9), "12345678"]
        await propertyCheck(count: 300, input: Gen.int(in: 0..<pieces.count).array(of: 0...120)) { picks in
            let text = picks.map { pieces[$0] }.joined()
            #expect(SearchTokenizer().terms(in: text) == Self.reference(text), "\(text.debugDescription)")
        }
    }

    /// The scalars `isWordScalar` knows without the Unicode tables are classed as the tables class them.
    @Test func knownScalarsAgreeWithTheirCategory() {
        for value in Array(0xC0...0xFF) + Array(0x2000...0x206F) {
            let scalar = Unicode.Scalar(UInt32(value))!
            let isWord: Bool
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
                isWord = true
            default:
                isWord = false
            }
            #expect(SearchTokenizer.isWordScalar(scalar) == isWord, "U+\(String(value, radix: 16))")
        }
    }

    @Test func asciiFastPathAgreesWithTheGeneralOne() async {
        // A word with one non-ASCII letter takes the general path; its ASCII part must come out the same.
        let alphabet = Array("abcXYZ019")
        await propertyCheck(input: Gen.int(in: 0..<alphabet.count).array(of: 1...12)) { picks in
            let word = String(picks.map { alphabet[$0] })
            let terms = SearchTokenizer().terms(in: word + "é")
            #expect(terms == [word.lowercased() + "e"])
        }
    }
}
