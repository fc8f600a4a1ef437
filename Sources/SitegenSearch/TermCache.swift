/// The stems of the words met so far, by their bytes, and scratch space for counting one document's terms. A
/// worker that indexes many documents keeps one: each distinct word is stemmed once, not once per document,
/// and each occurrence of an ASCII word costs one look-up, with no String made or hashed. Nothing in it
/// changes what `DocumentTerms` contains, only how fast it is made.
public struct TermCache: Sendable, RawTermSink {
    /// Every ASCII word met (lower-cased), with its stem's number: the short ones packed, the others by bytes.
    private var shortWords = ShortWordTable()
    private var words = ByteKeyTable<Int32>(capacity: 1024)
    /// Every distinct stem's UTF-8, by number: stem `n` ends at `stemEnds[n]` and starts where `n - 1` ends.
    private var stemBytes: [UInt8] = []
    private var stemEnds: [Int] = []
    /// Every distinct stem's `ByteKeyTable` hash, by number.
    private var stemHashes: [UInt32] = []
    private var numbers: [String: Int32] = [:]
    /// Non-ASCII words as written, normalised and stemmed (nil: not a term); normalising is slow.
    private var spellings: [String: Int32?] = [:]
    /// The document being counted: by stem number, its summed weight and whether it is met and in the title;
    /// and the stems met, in the order first met.
    private var tallies: [Tally] = []
    private var touched: [Int32] = []
    /// The document's terms so far, unweighted, not counting its non-ASCII words yet.
    private var length = 0
    /// The document's non-ASCII words as written (`SearchTokenizer.RawTerm.nonASCII`), by their UTF-8: no
    /// String is made or hashed per occurrence, and each is normalised once, when the document is taken.
    private var others = ByteKeyTable<Int32>(capacity: 16)
    /// Per non-ASCII word, in the order first met: its UTF-8, weight, occurrences and whether in the title.
    private var otherCounts: [(word: [UInt8], weight: Float, count: Int, inTitle: Bool)] = []
    private let stemmer = EnglishStemmer()
    /// The weight of the field whose terms come next, and whether it is the title.
    var field: (weight: Float, inTitle: Bool) = (1, false)

    public init() {}

    /// Counts `term` in the document with the weight of the current `field`: an ASCII word at once, a
    /// non-ASCII word when the document is taken (`takeCounts`), since normalising is slow.
    @inline(__always)
    mutating func take(_ term: SearchTokenizer.RawTerm) {
        switch term {
        case .short(let packed):
            add(short: packed, weight: field.weight, inTitle: field.inTitle)
            length += 1
        case .ascii(let bytes):
            add(ascii: bytes, weight: field.weight, inTitle: field.inTitle)
            length += 1
        case .nonASCII(let bytes):
            let entry = others.entry(for: bytes, hash: ByteKeyTable<Int32>.hash(bytes), inserting: Int32(otherCounts.count))
            if entry.inserted { otherCounts.append((Array(bytes), 0, 0, false)) }
            otherCounts[entry.index].weight += field.weight
            otherCounts[entry.index].count += 1
            if field.inTitle { otherCounts[entry.index].inTitle = true }
        }
    }

    /// Adds `weight` to the stem of `word` (`ShortWordTable.pack`ed) in the document being counted.
    @inline(__always)
    mutating func add(short word: UInt64, weight: Float, inTitle: Bool) {
        if let known = shortWords.value(for: word) { return add(number: known, weight: weight, inTitle: inTitle) }
        let number = number(of: stemmer.stem(String(decoding: ShortWordTable.bytes(of: word), as: UTF8.self)))
        shortWords.insert(word, number)
        add(number: number, weight: weight, inTitle: inTitle)
    }

    /// Adds `weight` to the stem of `word` (ASCII letters and digits, in any case) in the document being
    /// counted.
    mutating func add(ascii word: UnsafeBufferPointer<UInt8>, weight: Float, inTitle: Bool) {
        let entry = words.entry(for: word, hash: ByteKeyTable<Int32>.hash(word, mask: 0x20), mask: 0x20, inserting: -1)
        if entry.inserted {
            words.values[entry.index] = number(of: stemmer.stem(String(decoding: word.lazy.map { $0 | 0x20 }, as: UTF8.self)))
        }
        add(number: words.values[entry.index], weight: weight, inTitle: inTitle)
    }

    /// Adds `weight` to the stem of `word` (with non-ASCII scalars, as written) in the document being
    /// counted; false when the word normalises to nothing, and so is not a term.
    mutating func add(unnormalised word: String, weight: Float, inTitle: Bool) -> Bool {
        let stem: Int32?
        if let known = spellings[word] {
            stem = known
        } else {
            stem = SearchTokenizer.normalise(word).map { number(of: stemmer.stem($0)) }
            spellings[word] = stem
        }
        guard let stem else { return false }
        add(number: stem, weight: weight, inTitle: inTitle)
        return true
    }

    /// One document's stems, in the order first met, as `DocumentTerms` keeps them.
    struct Counts {
        var bytes: [UInt8] = []
        var lengths: [UInt8] = []
        var hashes: [UInt32] = []
        var weights: [Float] = []
        /// The positions of the stems in the title.
        var titled: [Int32] = []
    }

    /// The document's stems; the number of its terms. Clears the document.
    mutating func takeCounts() -> (counts: Counts, length: Int) {
        countOthers()
        var counts = Counts()
        let count = touched.count, size = touched.reduce(0) { $0 + stemLength(Int($1)) }
        touched.withUnsafeBufferPointer { touched in
            stemEnds.withUnsafeBufferPointer { ends in
                stemBytes.withUnsafeBufferPointer { stored in
                    counts.bytes = [UInt8](unsafeUninitializedCapacity: size) { bytes, initialized in
                        for number in touched {
                            let end = ends[Int(number)], start = number == 0 ? 0 : ends[Int(number) - 1]
                            (bytes.baseAddress! + initialized).initialize(from: stored.baseAddress! + start, count: end - start)
                            initialized += end - start
                        }
                    }
                    counts.lengths = [UInt8](unsafeUninitializedCapacity: count) { lengths, initialized in
                        for (position, number) in touched.enumerated() {
                            lengths[position] = UInt8(ends[Int(number)] - (number == 0 ? 0 : ends[Int(number) - 1]))
                        }
                        initialized = count
                    }
                }
            }
            counts.hashes = stemHashes.withUnsafeBufferPointer { hashes in touched.map { hashes[Int($0)] } }
            tallies.withUnsafeMutableBufferPointer { tallies in
                counts.weights = touched.map { tallies[Int($0)].weight }
                for (position, number) in touched.enumerated() {
                    if tallies[Int(number)].inTitle { counts.titled.append(Int32(position)) }
                    tallies[Int(number)] = Tally()
                }
            }
        }
        touched.removeAll(keepingCapacity: true)
        defer { length = 0 }
        return (counts, length)
    }

    /// Adds the document's non-ASCII words, normalised and stemmed, and forgets them. In a fixed order, so
    /// that the entries come out in the same order every time: spellings that are one String (precomposed
    /// and decomposed) normalise to one term, whichever goes first.
    private mutating func countOthers() {
        guard !otherCounts.isEmpty else { return }
        let words = otherCounts.map { (word: String(decoding: $0.word, as: UTF8.self), counts: $0) }.sorted { $0.word < $1.word }
        for (word, counts) in words where add(unnormalised: word, weight: counts.weight, inTitle: counts.inTitle) {
            length += counts.count
        }
        otherCounts.removeAll(keepingCapacity: true)
        others = ByteKeyTable(capacity: 16)
    }

    private func stemLength(_ number: Int) -> Int {
        stemEnds[number] - (number == 0 ? 0 : stemEnds[number - 1])
    }

    @inline(__always)
    private mutating func add(number: Int32, weight: Float, inTitle: Bool) {
        tallies.withUnsafeMutableBufferPointer { tallies in
            let index = Int(number)
            if !tallies[index].met { touched.append(number) }
            tallies[index].weight += weight
            tallies[index].met = true
            if inTitle { tallies[index].inTitle = true }
        }
    }

    /// One stem's count in the document being counted.
    private struct Tally {
        var weight: Float = 0
        var met = false
        var inTitle = false
    }

    private mutating func number(of stem: String) -> Int32 {
        if let number = numbers[stem] { return number }
        let number = Int32(stemEnds.count)
        let start = stemBytes.count
        stemBytes += stem.utf8
        stemEnds.append(stemBytes.count)
        stemHashes.append(stemBytes.withUnsafeBufferPointer { ByteKeyTable<Int32>.hash(UnsafeBufferPointer(rebasing: $0[start...])) })
        numbers[stem] = number
        tallies.append(Tally())
        return number
    }
}
