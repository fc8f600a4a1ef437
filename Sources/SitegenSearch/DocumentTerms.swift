/// One document's stemmed terms with their weighted frequencies: what the index needs of it. Computed once
/// per document (in parallel, and cached with the article), merged by `SearchIndex`.
///
/// Every article keeps its terms until the index is built, so they are packed: the terms' bytes in one
/// array, each ended by a 0 byte (no term has one), and their weights in another. At 10,000 articles that
/// is 38 MB where an array of `Entry` took 77 MB (and dictionaries hundreds more).
public struct DocumentTerms: Sendable, Hashable {
    /// The terms' UTF-8 bytes, in `entries` order, each followed by a 0 byte.
    private let termBytes: [UInt8]
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
        termBytes.withUnsafeBufferPointer { bytes in
            var start = 0, nextTitled = 0
            for (position, weight) in termWeights.enumerated() {
                var end = start
                while bytes[end] != 0 { end += 1 }
                let inTitle = nextTitled < titled.count && titled[nextTitled] == position
                if inTitle { nextTitled += 1 }
                body(UnsafeBufferPointer(rebasing: bytes[start..<end]), weight, inTitle)
                start = end + 1
            }
        }
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
        counter.add(fields.title, weight: fieldWeights.title, inTitle: true, to: &cache)
        counter.add(fields.description, weight: fieldWeights.description, to: &cache)
        for tag in fields.tags { counter.add(tag, weight: fieldWeights.tags, to: &cache) }
        for heading in fields.headings { counter.add(heading, weight: fieldWeights.headings, to: &cache) }
        for piece in fields.body { counter.add(piece, weight: fieldWeights.body, to: &cache) }
        length = counter.finish(into: &cache)
        var bytes: [UInt8] = [], weights: [Float] = [], titled: [Int32] = []
        cache.takeCounts(into: &bytes, weights: &weights, titled: &titled)
        termBytes = bytes
        termWeights = weights
        self.titled = titled
    }

    /// Counts words into a `TermCache`: ASCII words (nearly all) as they come, other words once per distinct
    /// word at the end, since normalising them is slow.
    private struct Counter {
        /// Other words as written (`SearchTokenizer.RawTerm.nonASCII`), by their UTF-8: no String is made or
        /// hashed per occurrence. Made at the first such word.
        private var others: ByteKeyTable<Int32>?
        /// Per other word, in the order first met: its UTF-8, weight, occurrences and whether in the title.
        private var otherCounts: [(word: [UInt8], weight: Float, count: Int, inTitle: Bool)] = []
        private var length = 0
        private let tokenizer = SearchTokenizer()

        mutating func add(_ text: String, weight: Float, inTitle: Bool = false, to cache: inout TermCache) {
            tokenizer.forEachRawTerm(in: text) { term in
                switch term {
                case .short(let packed):
                    cache.add(short: packed, weight: weight, inTitle: inTitle)
                    length += 1
                case .ascii(let bytes):
                    cache.add(ascii: bytes, weight: weight, inTitle: inTitle)
                    length += 1
                case .nonASCII(let bytes):
                    if others == nil { others = ByteKeyTable(capacity: 16) }
                    let entry = others!.entry(for: bytes, hash: ByteKeyTable<Int32>.hash(bytes), inserting: Int32(otherCounts.count))
                    if entry.inserted { otherCounts.append((Array(bytes), 0, 0, false)) }
                    otherCounts[entry.index].weight += weight
                    otherCounts[entry.index].count += 1
                    if inTitle { otherCounts[entry.index].inTitle = true }
                }
            }
        }

        /// Adds the other words to `cache`; the number of terms.
        func finish(into cache: inout TermCache) -> Int {
            var length = self.length
            // In a fixed order, so that the entries come out in the same order every time. Spellings that are
            // one String (precomposed and decomposed) normalise to one term, whichever goes first.
            let words = otherCounts.map { (word: String(decoding: $0.word, as: UTF8.self), counts: $0) }.sorted { $0.word < $1.word }
            for (word, counts) in words where cache.add(unnormalised: word, weight: counts.weight, inTitle: counts.inTitle) {
                length += counts.count
            }
            return length
        }
    }
}
