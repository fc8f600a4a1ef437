/// One document's stemmed terms with their weighted frequencies: what the index needs of it. Computed once
/// per document (in parallel, and cached with the article), merged by `SearchIndex`.
public struct DocumentTerms: Sendable, Hashable {
    /// Each distinct stemmed term with the sum of its occurrences weighted by field.
    public let entries: [Entry]
    /// Every term occurrence in every field, unweighted: the document's length for BM25.
    public let length: Int

    /// One distinct stemmed term. (An array of these, not dictionaries: every article keeps its terms, and
    /// at 10,000 articles dictionaries cost hundreds of megabytes more.)
    public struct Entry: Sendable, Hashable {
        public let term: String
        /// The sum of its occurrences weighted by field.
        public let weight: Float
        /// Whether it is in the title, which earns a bonus on top of BM25.
        public let inTitle: Bool
    }

    /// Each term's weight.
    public var weights: [String: Float] { Dictionary(uniqueKeysWithValues: entries.map { ($0.term, $0.weight) }) }

    /// The terms of the title.
    public var titleTerms: Set<String> { Set(entries.lazy.filter(\.inTitle).map(\.term)) }

    /// The terms of `fields`.
    public init(_ fields: SearchFields, weights fieldWeights: SearchFields.Weights = .init()) {
        var cache = TermCache()
        self.init(fields, weights: fieldWeights, cache: &cache)
    }

    /// The terms of `fields`, stemming through `cache` (which a worker keeps from one document to the next).
    public init(_ fields: SearchFields, weights fieldWeights: SearchFields.Weights = .init(), cache: inout TermCache) {
        var counter = Counter()
        counter.add(fields.title, weight: fieldWeights.title, to: &cache)
        counter.add(fields.description, weight: fieldWeights.description, to: &cache)
        for tag in fields.tags { counter.add(tag, weight: fieldWeights.tags, to: &cache) }
        for heading in fields.headings { counter.add(heading, weight: fieldWeights.headings, to: &cache) }
        for piece in fields.body { counter.add(piece, weight: fieldWeights.body, to: &cache) }
        length = counter.finish(into: &cache)
        let stemmer = EnglishStemmer()
        let title = Set(SearchTokenizer().terms(in: fields.title).map(stemmer.stem))
        entries = cache.takeCounts().map { Entry(term: $0.stem, weight: $0.weight, inTitle: title.contains($0.stem)) }
    }

    /// Counts words into a `TermCache`: ASCII words (nearly all) as they come, other words once per distinct
    /// word at the end, since normalising them is slow.
    private struct Counter {
        /// Other words as written: weight and occurrences.
        private var others: [String: (weight: Float, count: Int)] = [:]
        private var length = 0
        private let tokenizer = SearchTokenizer()

        mutating func add(_ text: String, weight: Float, to cache: inout TermCache) {
            tokenizer.forEachRawTerm(in: text) { term in
                switch term {
                case .ascii(let bytes):
                    cache.add(ascii: bytes, weight: weight)
                    length += 1
                case .unnormalised(let word):
                    others[word, default: (0, 0)].weight += weight
                    others[word]!.count += 1
                }
            }
        }

        /// Adds the other words to `cache`; the number of terms.
        func finish(into cache: inout TermCache) -> Int {
            var length = self.length
            // In a fixed order, so that the entries come out in the same order every time.
            for (raw, counts) in others.sorted(by: { $0.key < $1.key }) where cache.add(unnormalised: raw, weight: counts.weight) {
                length += counts.count
            }
            return length
        }
    }
}
