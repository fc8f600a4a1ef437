/// One document's stemmed terms with their weighted frequencies: what the index needs of it. Computed once
/// per document (in parallel, and cached with the article), merged by `SearchIndex`.
///
/// Every article keeps its terms until the index is built, so they are packed: the terms' bytes in one
/// array, their lengths, hashes and weights in others. At 10,000 articles that is about 50 MB where an
/// array of `Entry` took 77 MB (and dictionaries hundreds more). The hashes are the stems' own, worked out
/// once per distinct stem by the `TermCache`, so that packing posting lists hashes no term again.
public struct DocumentTerms: Sendable, Hashable {
    /// The terms' UTF-8 bytes, in `entries` order, one after the other.
    private let termBytes: [UInt8]
    /// Each term's length in bytes (at most 4 × `SearchTokenizer.maximumLength`), in the same order.
    private let termLengths: [UInt8]
    /// Each term's `ByteKeyTable` hash, in the same order.
    private let termHashes: [UInt32]
    /// Each term's weight, in the same order.
    private let termWeights: [Float]
    /// The positions, ascending, of the terms that are in the title.
    private let titled: [Int32]
    /// Every term occurrence in every field, unweighted: the document's length for BM25.
    public let length: Int

    /// One distinct stemmed term.
    public struct Entry: Sendable, Hashable {
        public let term: String
        /// The sum of its occurrences weighted by field.
        public let weight: Float
        /// Whether it is in the title, which earns a bonus on top of BM25.
        public let inTitle: Bool
    }

    /// The number of distinct terms.
    public var count: Int { termWeights.count }

    /// Each distinct term, in the order they were first met.
    public var entries: [Entry] {
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        forEachTerm { bytes, weight, inTitle in
            entries.append(Entry(term: String(decoding: bytes, as: UTF8.self), weight: weight, inTitle: inTitle))
        }
        return entries
    }

    /// Calls `body` with each term's bytes (valid only during the call), weight and whether it is in the
    /// title, in `entries` order; no String is made.
    public func forEachTerm(_ body: (UnsafeBufferPointer<UInt8>, Float, Bool) -> Void) {
        var weights = termWeights.makeIterator()
        var nextTitled = 0
        forEachHashedTerm { position, bytes, _ in body(bytes, weights.next()!, isTitled(position, next: &nextTitled)) }
    }

    /// Calls `body` with each term's position, bytes (valid only during the call) and hash, in `entries` order.
    func forEachHashedTerm(_ body: (Int, UnsafeBufferPointer<UInt8>, UInt32) -> Void) {
        termBytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for position in termLengths.indices {
                let end = start + Int(termLengths[position])
                body(position, UnsafeBufferPointer(rebasing: bytes[start..<end]), termHashes[position])
                start = end
            }
        }
    }

    /// Calls `body` with each term's position, weight and whether it is in the title, in `entries` order.
    func forEachWeight(_ body: (Int, Float, Bool) -> Void) {
        var nextTitled = 0
        termWeights.withUnsafeBufferPointer { weights in
            for position in weights.indices { body(position, weights[position], isTitled(position, next: &nextTitled)) }
        }
    }

    /// Whether the term at `position` is in the title, for a walk in `entries` order: `next` is the first
    /// of `titled` not reached yet.
    @inline(__always)
    private func isTitled(_ position: Int, next: inout Int) -> Bool {
        guard next < titled.count && titled[next] == position else { return false }
        next += 1
        return true
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
        let tokenizer = SearchTokenizer()
        func count(_ text: String, _ weight: Float, inTitle: Bool = false) {
            cache.field = (weight, inTitle)
            tokenizer.forEachRawTerm(in: text, into: &cache)
        }
        count(fields.title, fieldWeights.title, inTitle: true)
        count(fields.description, fieldWeights.description)
        for tag in fields.tags { count(tag, fieldWeights.tags) }
        for heading in fields.headings { count(heading, fieldWeights.headings) }
        cache.field = (fieldWeights.body, false)
        for piece in fields.body { piece.withUnsafeBufferPointer { tokenizer.forEachRawTerm(in: $0, into: &cache) } }
        let (taken, length) = cache.takeCounts()
        self.length = length
        termBytes = taken.bytes
        termLengths = taken.lengths
        termHashes = taken.hashes
        termWeights = taken.weights
        titled = taken.titled
    }
}
