import PropertyBased
import Testing
@testable import SitegenSearch

struct DocumentTermsTests {
    @Test func weightsAddUpByField() {
        let fields = SearchFields(
            title: "Running fast", description: "Run", tags: ["speed"], headings: ["Runs"], body: ["We ran. Running helps.", "speed"])
        let terms = DocumentTerms(fields)
        let weights = terms.weights
        // title 6 + description 2 + heading 4 + body 1 ("running"); "ran" is its own stem.
        #expect(weights["run"] == 13)
        #expect(weights["ran"] == 1)
        #expect(weights["fast"] == 6)
        #expect(weights["speed"] == 4)
        #expect(terms.length == 10)
        #expect(weights.keys.sorted() == ["fast", "help", "ran", "run", "speed", "we"])
    }

    /// Words with other scalars are normalised once per spelling; words that normalise to nothing do not count.
    @Test func otherScriptsAreNormalisedAndCounted() {
        let terms = DocumentTerms(SearchFields(title: "", description: "", tags: [], headings: [], body: ["Café café CAFÉ Ελληνικά \u{301}"]))
        #expect(terms.weights == ["cafe": 3, "ελληνικα": 1])
        #expect(terms.length == 4)
    }

    @Test func emptyDocumentHasNoTerms() {
        let terms = DocumentTerms(SearchFields(title: "", description: "", tags: [], headings: [], body: []))
        #expect(terms.weights.isEmpty && terms.length == 0)
    }

    /// A worker's cache only saves work: documents counted one after another through one cache get the same
    /// terms, in the same order, as each counted alone.
    @Test func aSharedCacheChangesNothing() async {
        let pieces = ["run", "running", "Runs", "café", "CAFE", "don't", "skies", "x", "42", "Ελληνικά", " ", ". ", "\n", "-", "generously"]
        let text = Gen.int(in: 0..<pieces.count).array(of: 0...20).map { $0.map { pieces[$0] }.joined(separator: " ") }
        let fields = zip(text, text, text).map { title, heading, body in
            SearchFields(title: title, description: "", tags: [heading], headings: [heading], body: [body, title])
        }
        await propertyCheck(input: fields.array(of: 1...6)) { documents in
            var cache = TermCache()
            for document in documents {
                #expect(DocumentTerms(document, cache: &cache) == DocumentTerms(document))
            }
        }
    }

    /// The packed terms hold what counting each field's terms one by one gives: every stem with its weighted
    /// count, the title's stems marked, and the number of occurrences; `forEachTerm` and `entries` agree.
    @Test func packedTermsMatchCountingByHand() async {
        // Other scalars in both forms and cases: precomposed and decomposed spellings of a word are one String.
        let pieces = [
            "run", "running", "Runs", "café", "CAFE", "don't", "x", "42", "Ελληνικά", " ", ". ", "\n", "naïve", "a-b", "generously",
            "cafe\u{301}", "CAFÉ", "Déjà", "déja\u{300}", "ÀB",
        ]
        let text = Gen.int(in: 0..<pieces.count).array(of: 0...16).map { $0.map { pieces[$0] }.joined(separator: " ") }
        let fields = zip(text, text, text).map { title, tag, body in
            SearchFields(title: title, description: tag, tags: [tag], headings: [title, tag], body: [body])
        }
        await propertyCheck(input: fields) { fields in
            let terms = DocumentTerms(fields)
            let weights = SearchFields.Weights()
            var expected: [String: Float] = [:]
            var length = 0
            let weighted = [(fields.title, weights.title), (fields.description, weights.description)]
                + fields.tags.map { ($0, weights.tags) } + fields.headings.map { ($0, weights.headings) } + fields.body.map { (String(decoding: $0, as: UTF8.self), weights.body) }
            for (text, weight) in weighted {
                for term in SearchTokenizer().terms(in: text) {
                    expected[EnglishStemmer().stem(term), default: 0] += weight
                    length += 1
                }
            }
            let title = Set(SearchTokenizer().terms(in: fields.title).map(EnglishStemmer().stem))
            #expect(terms.weights == expected)
            #expect(terms.length == length)
            #expect(terms.titleTerms == title)
            #expect(terms.count == expected.count)
            var visited: [DocumentTerms.Entry] = []
            terms.forEachTerm { bytes, weight, inTitle in
                visited.append(.init(term: String(decoding: bytes, as: UTF8.self), weight: weight, inTitle: inTitle))
            }
            #expect(visited == terms.entries)
        }
    }
}
