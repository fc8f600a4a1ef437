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
        var counter = Counter()
        counter.add(fields.title, weight: fieldWeights.title)
        counter.add(fields.description, weight: fieldWeights.description)
        for tag in fields.tags { counter.add(tag, weight: fieldWeights.tags) }
        for heading in fields.headings { counter.add(heading, weight: fieldWeights.headings) }
        for piece in fields.body { counter.add(piece, weight: fieldWeights.body) }
        let (weights, length) = counter.result
        self.length = length
        let stemmer = EnglishStemmer()
        let title = Set(SearchTokenizer().terms(in: fields.title).map(stemmer.stem))
        entries = weights.map { Entry(term: $0.key, weight: $0.value, inTitle: title.contains($0.key)) }
    }

    /// Weighted counts of words, stemmed once each at the end. ASCII words (nearly all) are counted in a
    /// table of their bytes, so that no String is made and no SipHash run per occurrence.
    private struct Counter {
        private var table = ASCIIWordTable()
        /// Other words as written (each distinct one is normalised once, at the end): weight and occurrences.
        private var others: [String: (weight: Float, count: Int)] = [:]
        private var asciiLength = 0
        private let tokenizer = SearchTokenizer()

        mutating func add(_ text: String, weight: Float) {
            tokenizer.forEachRawTerm(in: text) { term in
                switch term {
                case .ascii(let bytes):
                    table.add(bytes, weight: weight)
                    asciiLength += 1
                case .unnormalised(let word):
                    others[word, default: (0, 0)].weight += weight
                    others[word]!.count += 1
                }
            }
        }

        /// Weighted counts of stems, and the number of terms.
        var result: (weights: [String: Float], length: Int) {
            let stemmer = EnglishStemmer()
            var stems: [String: Float] = [:], length = asciiLength
            stems.reserveCapacity(table.count + others.count)
            table.forEach { word, weight in stems[stemmer.stem(word), default: 0] += weight }
            for (raw, counts) in others {
                guard let word = SearchTokenizer.normalise(raw) else { continue }
                stems[stemmer.stem(word), default: 0] += counts.weight
                length += counts.count
            }
            return (stems, length)
        }
    }
}

/// Open-addressing counts of byte strings (FNV-1a, linear probing), their bytes kept in one buffer.
private struct ASCIIWordTable {
    private struct Entry {
        var offset: Int32
        var length: Int32
        var hash: UInt32
        var weight: Float
    }

    private var bytes: [UInt8] = []
    private var entries: [Entry] = []
    /// Entry index + 1; 0 is empty.
    private var slots = [Int32](repeating: 0, count: 256)

    var count: Int { entries.count }

    mutating func add(_ word: UnsafeBufferPointer<UInt8>, weight: Float) {
        var hash: UInt32 = 0x811C_9DC5
        for byte in word { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot] - 1)
            if entries[index].hash == hash && matches(entries[index], word) {
                entries[index].weight += weight
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(entries.count + 1)
        entries.append(Entry(offset: Int32(bytes.count), length: Int32(word.count), hash: hash, weight: weight))
        bytes.append(contentsOf: word)
        if entries.count * 2 > slots.count { grow() }
    }

    /// Every word with its weight.
    func forEach(_ body: (String, Float) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            for entry in entries {
                let start = Int(entry.offset)
                body(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<start + Int(entry.length)]), as: UTF8.self), entry.weight)
            }
        }
    }

    private func matches(_ entry: Entry, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(entry.length) == word.count else { return false }
        let start = Int(entry.offset)
        for index in 0..<word.count where bytes[start + index] != word[index] { return false }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(entry.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }
}
