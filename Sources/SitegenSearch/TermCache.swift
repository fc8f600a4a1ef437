/// The stems of the ASCII words met so far, by their bytes, and scratch space for counting one document's
/// words. A worker that indexes many documents keeps one: each distinct word is stemmed once, not once per
/// document, and no String is made or hashed per occurrence. Nothing in it changes what `DocumentTerms`
/// contains, only how fast it is made.
public struct TermCache: Sendable {
    /// Every ASCII word met, with its stem's number.
    private var words = ByteKeyTable<Int32>(capacity: 4096)
    /// Every distinct stem, by number.
    private var stems: [String] = []
    private var numbers: [String: Int32] = [:]
    /// Non-ASCII words as written, normalised and stemmed (nil: not a term); normalising is slow.
    private var spellings: [String: Int32?] = [:]
    /// The document being counted: its ASCII words with their summed weights (a small table, so the
    /// counting of every occurrence stays in cache), and its stems with theirs (0 when it has none yet).
    private var documentWords = ByteKeyTable<Float>()
    private var stemmed: [(Int32, Float)] = []
    private var weights: [Float] = []
    private var touched: [Int32] = []
    private let stemmer = EnglishStemmer()

    public init() {}

    /// Adds `weight` to `word` (lower-case ASCII) in the document being counted.
    mutating func add(ascii word: UnsafeBufferPointer<UInt8>, weight: Float) {
        let entry = documentWords.entry(for: word, hash: ByteKeyTable<Float>.hash(word), inserting: 0)
        documentWords.values[entry.index] += weight
    }

    /// Adds `weight` to the stem of `word` (with non-ASCII scalars, as written) in the document being
    /// counted; false when the word normalises to nothing, and so is not a term.
    mutating func add(unnormalised word: String, weight: Float) -> Bool {
        let stem: Int32?
        if let known = spellings[word] {
            stem = known
        } else {
            stem = SearchTokenizer.normalise(word).map { number(of: stemmer.stem($0)) }
            spellings[word] = stem
        }
        guard let stem else { return false }
        stemmed.append((stem, weight))
        return true
    }

    /// The document's stems with their summed weights, in the order first met: those of its ASCII words,
    /// then those added as stems. Clears the document.
    mutating func takeCounts() -> [(stem: String, weight: Float)] {
        var counted: [(Int32, Float)] = []
        counted.reserveCapacity(documentWords.count + stemmed.count)
        // Read from a copy (which shares its storage): `stemNumber` changes the cache while the words are read.
        do {
            let document = documentWords
            document.forEach { word, hash, weight in counted.append((stemNumber(of: word, hash: hash), weight)) }
        }
        for (number, weight) in counted + stemmed { add(number: number, weight: weight) }
        documentWords.removeAll()
        stemmed.removeAll(keepingCapacity: true)
        defer { touched.removeAll(keepingCapacity: true) }
        return touched.map { number in
            defer { weights[Int(number)] = 0 }
            return (stems[Int(number)], weights[Int(number)])
        }
    }

    private mutating func add(number: Int32, weight: Float) {
        if weights[Int(number)] == 0 { touched.append(number) }
        weights[Int(number)] += weight
    }

    private mutating func stemNumber(of word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32 {
        let entry = words.entry(for: word, hash: hash, inserting: -1)
        if entry.inserted { words.values[entry.index] = number(of: stemmer.stem(String(decoding: word, as: UTF8.self))) }
        return words.values[entry.index]
    }

    private mutating func number(of stem: String) -> Int32 {
        if let number = numbers[stem] { return number }
        let number = Int32(stems.count)
        stems.append(stem)
        numbers[stem] = number
        weights.append(0)
        return number
    }
}
