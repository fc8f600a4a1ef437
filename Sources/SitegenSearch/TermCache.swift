/// The stems of the words met so far, by their bytes, and scratch space for counting one document's terms. A
/// worker that indexes many documents keeps one: each distinct word is stemmed (and a non-ASCII one
/// normalised) once, not once per document, and each occurrence of a word costs one look-up, with no String
/// made or hashed. It takes a document's terms from `SearchTokenizer` as its sink. Nothing in it changes
/// what `DocumentTerms` contains, only how fast it is made.
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
    /// Every non-ASCII word met, as `SearchTokenizer.RawTerm.nonASCII` spells it, with its stem's number,
    /// or -1 when it normalises to nothing: normalising is slow, so each spelling is normalised once.
    private var spellings = ByteKeyTable<Int32>(capacity: 256)
    /// The document being counted: by stem number, its summed weight and whether it is met and in the title;
    /// and the stems met, in the order first met.
    private var tallies: [Tally] = []
    /// The stems met are `touched[..<touchedCount]`. `touched` has room for every stem and one more, so
    /// that a stem is written past the end of the list every time it is met and counted only the first time:
    /// a branch on whether it was met before was a coin toss per word.
    private var touched: [Int32] = [0]
    private var touchedCount = 0
    /// The document's terms so far, unweighted.
    private var length = 0
    private let stemmer = EnglishStemmer()
    /// The weight of the field whose terms come next, and whether it is the title.
    var field: (weight: Float, inTitle: Bool) = (1, false)

    public init() {}

    /// Counts `term` in the document with the weight of the current `field`.
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
            if add(unnormalised: bytes, weight: field.weight, inTitle: field.inTitle) { length += 1 }
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

    /// Adds `weight` to the stem of `word` (with non-ASCII scalars, as `SearchTokenizer.RawTerm.nonASCII`
    /// spells it) in the document being counted; false when the word normalises to nothing, and so is not a
    /// term.
    mutating func add(unnormalised word: UnsafeBufferPointer<UInt8>, weight: Float, inTitle: Bool) -> Bool {
        let entry = spellings.entry(for: word, hash: ByteKeyTable<Int32>.hash(word), inserting: -1)
        if entry.inserted {
            let stem = SearchTokenizer.normalise(String(decoding: word, as: UTF8.self)).map { number(of: stemmer.stem($0)) }
            spellings.values[entry.index] = stem ?? -1
        }
        let stem = spellings.values[entry.index]
        guard stem >= 0 else { return false }
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
        var counts = Counts()
        // A pass per array, on the buffers: most stems are a few bytes, so a copy call and a bounds check
        // apiece cost more than the bytes.
        counts.lengths = stemEnds.withUnsafeBufferPointer { ends in gathered { UInt8(ends[$0] - ($0 == 0 ? 0 : ends[$0 - 1])) } }
        counts.hashes = stemHashes.withUnsafeBufferPointer { hashes in gathered { hashes[$0] } }
        counts.weights = tallies.withUnsafeBufferPointer { tallies in gathered { tallies[$0].weight } }
        counts.bytes = stemBytes(ofLength: counts.lengths.reduce(0) { $0 + Int($1) })
        tallies.withUnsafeMutableBufferPointer { tallies in
            for (position, number) in touched[..<touchedCount].enumerated() {
                if tallies[Int(number)].inTitle { counts.titled.append(Int32(position)) }
                tallies[Int(number)] = Tally()
            }
        }
        touchedCount = 0
        defer { length = 0 }
        return (counts, length)
    }

    /// `value` of each stem of the document (by number), in the order first met.
    @inline(__always)
    private func gathered<T>(_ value: (Int) -> T) -> [T] {
        [T](unsafeUninitializedCapacity: touchedCount) { values, initialized in
            for (position, number) in touched[..<touchedCount].enumerated() { values[position] = value(Int(number)) }
            initialized = touchedCount
        }
    }

    /// The UTF-8 of the document's stems, in the order first met, one after the other (`size` bytes in all).
    private func stemBytes(ofLength size: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: size) { bytes, filled in
            stemBytes.withUnsafeBufferPointer { stored in
                stemEnds.withUnsafeBufferPointer { ends in
                    for number in touched[..<touchedCount].lazy.map(Int.init) {
                        for from in (number == 0 ? 0 : ends[number - 1])..<ends[number] {
                            bytes[filled] = stored[from]
                            filled += 1
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    private mutating func add(number: Int32, weight: Float, inTitle: Bool) {
        tallies.withUnsafeMutableBufferPointer { tallies in
            touched.withUnsafeMutableBufferPointer { touched in
                let index = Int(number)
                touched[touchedCount] = number
                touchedCount &+= tallies[index].met ? 0 : 1
                tallies[index].weight += weight
                tallies[index].met = true
                if inTitle { tallies[index].inTitle = true }
            }
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
        touched.append(0)
        return number
    }
}
