/// One document's stemmed terms with their weighted frequencies: what the index needs of it. Computed once
/// per document (in parallel, and cached with the article), merged by `SearchIndex`.
public struct DocumentTerms: Sendable, Hashable {
    /// Each distinct stemmed term with the sum of its occurrences weighted by field.
    public let weights: [String: Float]
    /// Every term occurrence in every field, unweighted: the document's length for BM25.
    public let length: Int
    /// The stemmed terms of the title, which earn a bonus on top of BM25.
    public let titleTerms: Set<String>

    /// The terms of `fields`.
    public init(_ fields: SearchFields, weights fieldWeights: SearchFields.Weights = .init()) {
        var counter = Counter()
        counter.add(fields.title, weight: fieldWeights.title)
        counter.add(fields.description, weight: fieldWeights.description)
        for tag in fields.tags { counter.add(tag, weight: fieldWeights.tags) }
        for heading in fields.headings { counter.add(heading, weight: fieldWeights.headings) }
        for piece in fields.body { counter.add(piece, weight: fieldWeights.body) }
        weights = counter.weights
        length = counter.length
        let stemmer = EnglishStemmer()
        titleTerms = Set(SearchTokenizer().terms(in: fields.title).map(stemmer.stem))
    }

    /// Weighted counts of words, stemmed once each at the end: one hash per occurrence.
    private struct Counter {
        var words: [String: Float] = [:]
        var length = 0
        private let tokenizer = SearchTokenizer()

        mutating func add(_ text: String, weight: Float) {
            tokenizer.forEachTerm(in: text) { word in
                words[word, default: 0] += weight
                length += 1
            }
        }

        /// Weighted counts of stems.
        var weights: [String: Float] {
            let stemmer = EnglishStemmer()
            var stems: [String: Float] = [:]
            stems.reserveCapacity(words.count)
            for (word, weight) in words { stems[stemmer.stem(word), default: 0] += weight }
            return stems
        }
    }
}
