/// One document's stemmed terms with their weighted frequencies: what the index needs of it. Computed once
/// per document (in parallel, and cached with the article), merged by `SearchIndexBuilder`.
public struct DocumentTerms: Sendable, Hashable {
    /// Distinct stemmed terms, sorted by UTF-16 code units (the order JavaScript compares strings in).
    public let terms: [String]
    /// For each term, the sum of its occurrences weighted by field.
    public let weights: [Float]
    /// Every term occurrence in every field, unweighted: the document's length for BM25.
    public let length: Int

    /// The terms of `fields`.
    public init(_ fields: SearchFields, weights fieldWeights: SearchFields.Weights = .init()) {
        var counter = Counter()
        counter.add(fields.title, weight: fieldWeights.title)
        counter.add(fields.description, weight: fieldWeights.description)
        for tag in fields.tags { counter.add(tag, weight: fieldWeights.tags) }
        for heading in fields.headings { counter.add(heading, weight: fieldWeights.headings) }
        for piece in fields.body { counter.add(piece, weight: fieldWeights.body) }
        let sorted = counter.weights.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
        terms = sorted.map(\.key)
        weights = sorted.map(\.value)
        length = counter.length
    }

    /// Weighted counts of stemmed terms; each distinct word is stemmed once.
    private struct Counter {
        var weights: [String: Float] = [:]
        var length = 0
        private var stems: [String: String] = [:]
        private let tokenizer = SearchTokenizer()
        private let stemmer = EnglishStemmer()

        mutating func add(_ text: String, weight: Float) {
            tokenizer.forEachTerm(in: text) { word in
                let stem: String
                if let known = stems[word] {
                    stem = known
                } else {
                    stem = stemmer.stem(word)
                    stems[word] = stem
                }
                weights[stem, default: 0] += weight
                length += 1
            }
        }
    }
}
