/// The stems of the words met so far, by their bytes, and scratch space for counting one document's terms. A
/// worker that indexes many documents keeps one: each distinct word is stemmed once, not once per document,
/// and each occurrence of an ASCII word costs one look-up, with no String made or hashed. Nothing in it
/// changes what `DocumentTerms` contains, only how fast it is made.
public struct TermCache: Sendable {
    /// Every ASCII word met (lower-cased), with its stem's number: the short ones packed, the others by bytes.
    private var shortWords = ShortWordTable()
    private var words = ByteKeyTable<Int32>(capacity: 1024)
    /// Every distinct stem's UTF-8, by number: stem `n` ends at `stemEnds[n]` and starts where `n - 1` ends.
    private var stemBytes: [UInt8] = []
    private var stemEnds: [Int] = []
    private var numbers: [String: Int32] = [:]
    /// Non-ASCII words as written, normalised and stemmed (nil: not a term); normalising is slow.
    private var spellings: [String: Int32?] = [:]
    /// The document being counted: by stem number, its summed weight and whether it is met and in the title;
    /// and the stems met, in the order first met.
    private var tallies: [Tally] = []
    private var touched: [Int32] = []
    private let stemmer = EnglishStemmer()

    public init() {}

    /// Adds `weight` to the stem of `word` (`ShortWordTable.pack`ed) in the document being counted.
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

    /// Appends the document's stems, in the order first met, to `bytes` (each followed by a 0 byte) with
    /// their summed weights to `weights`, and the positions of those in the title to `titled`. Clears the
    /// document.
    mutating func takeCounts(into bytes: inout [UInt8], weights: inout [Float], titled: inout [Int32]) {
        weights.reserveCapacity(touched.count)
        bytes.reserveCapacity(touched.reduce(touched.count) { $0 + stemLength(Int($1)) })
        stemBytes.withUnsafeBufferPointer { stored in
            for (position, number) in touched.enumerated() {
                let index = Int(number)
                bytes.append(contentsOf: stored[stemEnds[index] - stemLength(index)..<stemEnds[index]])
                bytes.append(0)
                weights.append(tallies[index].weight)
                if tallies[index].inTitle { titled.append(Int32(position)) }
                tallies[index] = Tally()
            }
        }
        touched.removeAll(keepingCapacity: true)
    }

    private func stemLength(_ number: Int) -> Int {
        stemEnds[number] - (number == 0 ? 0 : stemEnds[number - 1])
    }

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
        stemBytes += stem.utf8
        stemEnds.append(stemBytes.count)
        numbers[stem] = number
        tallies.append(Tally())
        return number
    }
}
