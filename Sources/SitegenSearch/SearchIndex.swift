/// The static search index: BM25 scores computed at build time, terms in sorted shards so that a query
/// loads only the shards of its terms, and one fragment per document for the hits it shows.
///
/// Files, relative to the index's folder:
/// - `index.json`: `{"version":…,"documents":N,"shards":[first term of each shard…]}`; a term is in the last
///   shard whose first term is not greater than it (UTF-16 order, as JavaScript compares strings).
/// - `terms/<i>.json`: `{"term":[idf,doc,score,doc delta,score,…],…}`, documents ascending; `idf` × 100,000
///   (at least 1) and each document's `score` × 1,000: its BM25 saturation, plus `titleBonus` when the term
///   is in its title. A document's score for the term is `idf × score / 10⁸`. Keeping the idf apart keeps the scores'
///   precision for common terms (an idf near 0 would round every document to the same number) and means
///   a document joining or leaving a list changes that list's idf once, not every score.
/// - `docs/<doc>.json`: the document's `SearchFragment`, written by the caller.
///
/// `version` changes whenever any file does; the script adds it to every URL it loads, so a cached shard
/// never meets a newer manifest. The index keeps every term's encoded entry and every shard, so that after
/// `replace` (one document edited) only the entries of that document's terms are encoded again and only
/// the shards holding them (or whose bounds moved) are put together again.
public struct SearchIndex: Sendable {
    /// How the index is cut and scored.
    public struct Options: Sendable, Hashable {
        /// Shards are cut once they pass this many bytes (a term with a longer posting list gets a shard alone).
        public var shardBytes = 32_000
        public var bm25 = BM25()
        /// Added to the saturation of a term found in the document's title (a match in the title is the
        /// strongest sign that a document is about the term, however long its body).
        public var titleBonus = 1.0
        public init() {}
    }

    /// One file of the index.
    public struct File: Sendable, Hashable {
        /// Relative to the index's folder: `index.json`, `terms/0.json`.
        public var path: String
        public var bytes: [UInt8]
        /// Whether the same bytes were in the files the last call gave (so a caller holding those need not
        /// look at them again).
        public var unchanged = false
    }

    /// A shard as the last `files` call made it.
    private struct Shard: Sendable {
        /// Its place: `terms/<number>.json`.
        var number: Int
        let last: String
        let count: Int
        let bytes: [UInt8]
        let hash: UInt64
    }

    private let options: Options
    /// Empty when the index was built not to be edited.
    private var lists: [String: PostingList] = [:]
    /// Whether `replace` may be called: the posting lists are kept for it.
    public private(set) var isEditable = true
    /// `"term":[…]` for every term.
    private var entries: [String: [UInt8]] = [:]
    /// Every term, in UTF-16 order, and the size of its entry.
    private var terms: [String]
    private var sizes: [Int] = []
    /// Terms whose entries changed, or that are new, since the last `files` call (a term that went away
    /// changes its shard's count).
    private var dirty: Set<String> = []
    /// The last `files` call's shards, by first term.
    private var shards: [String: Shard] = [:]
    private var lengths: [Int]
    private var totalLength: Int
    /// The average document length, rounded to a whole number so that most edits leave it, and with it
    /// every other document's scores, unchanged.
    private var averageLength: Double
    /// Each document's BM25 `norm`, from its `rounded` length and `averageLength`: worked out once per
    /// document, not once per posting.
    private var norms: [Double]

    /// The index of `documents` (document `i` is `documents[i]`).
    public init(_ documents: [DocumentTerms], options: Options = .init()) {
        var numbering = TermNumbering()
        let numbers = documents.map { numbering.numbers(of: $0) }
        let packed = PackedPostings(documents[...], numbers: numbers[...], termCount: numbering.terms.count, firstNumber: 0)
        self.init(terms: numbering.terms.sorted(by: Self.precedes), lengths: documents.map(\.length), options: options)
        for (number, term) in numbering.terms.enumerated() { lists[term] = PackedPostings.list(number, in: [packed]) }
        for term in terms { entries[term] = entry(term, lists[term]!) }
        sizes = terms.map { entries[$0]!.count }
    }

    /// `init`, collecting the posting lists and encoding the terms' entries on all cores. Unless `editable`,
    /// no posting list is kept once its entry is encoded: a one-off build needs only the files, and the
    /// lists are a large site's largest part of the index.
    public static func build(_ documents: [DocumentTerms], options: Options = .init(), tasks: Int = 8, editable: Bool = true) async -> SearchIndex {
        var postings = SearchPostings()
        await postings.add(documents, tasks: tasks)
        return await build(postings, options: options, tasks: tasks, editable: editable)
    }

    /// The index of the documents added to `postings`, its entries encoded in parallel: in one task when
    /// `tasks` is 1, else in `8 × tasks` small chunks.
    public static func build(_ postings: SearchPostings, options: Options = .init(), tasks: Int = 8, editable: Bool = true) async -> SearchIndex {
        let parts = postings.parts, names = postings.terms
        // Term numbers in the index's order.
        let order = names.indices.sorted { Self.precedes(names[$0], names[$1]) }
        var index = SearchIndex(terms: order.map { names[$0] }, lengths: postings.lengths, options: options)
        // Small chunks, so that no task is left alone at the end with a run of long lists.
        let pieces = tasks == 1 ? 1 : tasks * 8
        let chunk = max(1, (order.count + pieces - 1) / pieces)
        let encoded = await withTaskGroup(of: [(String, [UInt8], PostingList?)].self) { [index] group in
            for start in stride(from: 0, to: order.count, by: chunk) {
                group.addTask {
                    (start..<min(start + chunk, order.count)).map { position in
                        let term = index.terms[position]
                        let list = PackedPostings.list(order[position], in: parts)
                        return (term, index.entry(term, list), editable ? list : nil)
                    }
                }
            }
            var all: [(String, [UInt8], PostingList?)] = []
            for await part in group { all += part }
            return all
        }
        index.entries = Dictionary(uniqueKeysWithValues: encoded.map { ($0.0, $0.1) })
        index.sizes = index.terms.map { index.entries[$0]!.count }
        if editable {
            index.lists = Dictionary(uniqueKeysWithValues: encoded.map { ($0.0, $0.2!) })
        } else {
            index.isEditable = false
        }
        return index
    }

    /// The index of `terms` (in the index's order: `precedes`), with no lists or entries yet.
    private init(terms: [String], lengths: [Int], options: Options) {
        self.options = options
        self.terms = terms
        self.lengths = lengths
        totalLength = lengths.reduce(0, +)
        let average = Self.average(totalLength, count: lengths.count)
        averageLength = average
        norms = lengths.map { options.bm25.norm(length: Self.rounded($0), averageLength: average) }
    }

    /// Document `document` now has `new` terms instead of `old`.
    public mutating func replace(_ document: Int, with new: DocumentTerms, was old: DocumentTerms) {
        precondition(isEditable, "the index was built without the posting lists an edit needs")
        totalLength += new.length - lengths[document]
        lengths[document] = new.length
        let (oldWeights, newWeights, newTitle) = (old.weights, new.weights, new.titleTerms)
        let touched = Set(oldWeights.keys).union(newWeights.keys)
        for term in touched {
            var list = lists[term] ?? PostingList()
            let existed = !list.documents.isEmpty
            list.set(Int32(document), weight: newWeights[term], inTitle: newTitle.contains(term))
            if list.documents.isEmpty {
                lists[term] = nil
                entries[term] = nil
                if existed {
                    let at = insertionPoint(of: term)
                    terms.remove(at: at)
                    sizes.remove(at: at)
                }
            } else {
                if !existed {
                    let at = insertionPoint(of: term)
                    terms.insert(term, at: at)
                    sizes.insert(0, at: at)
                }
                lists[term] = list
            }
        }
        let average = Self.average(totalLength, count: lengths.count)
        if average != averageLength {
            averageLength = average
            norms = lengths.map { options.bm25.norm(length: Self.rounded($0), averageLength: average) }
            for term in terms { entries[term] = entry(term, lists[term]!) }
            sizes = terms.map { entries[$0]!.count }
            shards = [:]
        } else {
            norms[document] = options.bm25.norm(length: Self.rounded(lengths[document]), averageLength: averageLength)
            // The document's length changed, so its score changed in every list it is in. A list that gained
            // or lost it is encoded again (its idf and document deltas change); in the others only the
            // document's own score changes, and is written over in place (a long document's lists are long).
            for term in touched where lists[term] != nil {
                let before = entries[term]
                let kept = oldWeights[term] != nil && newWeights[term] != nil
                if kept { rescore(term, document: Int32(document)) } else { entries[term] = entry(term, lists[term]!) }
                // Most scores round to what they were: those shards stay as they are.
                if entries[term] != before { dirty.insert(term) }
                sizes[insertionPoint(of: term)] = entries[term]!.count
            }
        }
    }

    /// The manifest and the shards; `fragmentHashes` (a 64-bit hash of each document's fragment) go into the version.
    /// An index that is not editable gives its files once: each entry is dropped as its shard is made.
    public mutating func files(fragmentHashes: [UInt64]) -> [File] {
        precondition(isEditable || !entries.isEmpty || terms.isEmpty, "an index that is not editable gives its files once")
        let dirtyPositions = dirty.compactMap { lists[$0] == nil ? nil : insertionPoint(of: $0) }.sorted()
        var nextDirty = 0
        var made: [String: Shard] = [:]
        var hash = Fingerprint()
        var manifest = JSONBytes()
        var files: [File] = []
        for (number, range) in shardRanges().enumerated() {
            let first = terms[range.lowerBound], last = terms[range.upperBound - 1]
            var shard = shards[first]
            // Ranges ascend, so the first dirty position not before this one says whether it is touched.
            while nextDirty < dirtyPositions.count && dirtyPositions[nextDirty] < range.lowerBound { nextDirty += 1 }
            let touched = nextDirty < dirtyPositions.count && dirtyPositions[nextDirty] < range.upperBound
            let reusable = shard != nil && shard!.last == last && shard!.count == range.count && !touched
            // The same bytes at another number are another file's bytes now.
            let unchanged = reusable && shard!.number == number
            if reusable { shard!.number = number } else { shard = makeShard(range, number: number) }
            if isEditable {
                made[first] = shard
            } else {
                // Nothing will ask for these again: the entries go as their shard is made, and no shard is kept.
                for index in range { entries[terms[index]] = nil }
            }
            hash.add(shard!.hash)
            files.append(File(path: "terms/\(number).json", bytes: shard!.bytes, unchanged: unchanged))
            manifest.raw(number == 0 ? "" : ",")
            manifest.string(first)
        }
        shards = made
        dirty = []
        for fragment in fragmentHashes { hash.add(fragment) }
        var head = JSONBytes()
        head.raw("{\"version\":\"\(hash.hex)\",\"documents\":")
        head.integer(lengths.count)
        head.raw(",\"shards\":[")
        head.append(manifest.bytes)
        head.raw("]}\n")
        return [File(path: "index.json", bytes: head.bytes)] + files
    }

    /// The paths `files(fragmentHashes:)` returns, in its order.
    public var filePaths: [String] { ["index.json"] + shardRanges().indices.map { "terms/\($0).json" } }

    /// The terms of each shard: a shard takes terms until the next would take it past `shardBytes`.
    private func shardRanges() -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0, bytes = 0
        for (index, size) in sizes.enumerated() {
            if index > start && bytes + 1 + size > options.shardBytes {
                ranges.append(start..<index)
                start = index
                bytes = 0
            }
            bytes += (index > start ? 1 : 0) + size
        }
        if start < sizes.count { ranges.append(start..<sizes.count) }
        return ranges
    }

    private func makeShard(_ range: Range<Int>, number: Int) -> Shard {
        var json = JSONBytes(capacity: range.reduce(0) { $0 + sizes[$1] + 1 } + 4)
        json.byte(0x7B)
        for index in range {
            if index > range.lowerBound { json.byte(0x2C) }
            json.append(entries[terms[index]]!)
        }
        json.raw("}\n")
        return Shard(number: number, last: terms[range.upperBound - 1], count: range.count, bytes: json.bytes, hash: Fingerprint.of(json.bytes))
    }

    /// `"term":[doc,score,…]` with document numbers as deltas.
    private func entry(_ term: String, _ list: PostingList) -> [UInt8] {
        var json = JSONBytes(capacity: term.utf8.count + 16)
        json.string(term)
        json.raw(":[")
        let idf = options.bm25.idf(documentFrequency: list.documents.count, documentCount: lengths.count)
        json.integer(max(1, Self.roundedInteger(idf * 100_000)))
        let scores = self.scores(list)
        list.documents.withUnsafeBufferPointer { documents in
            json.integerPairs(documents.count, reservingAfter: 1) { index in
                (Int(documents[index] - (index == 0 ? 0 : documents[index - 1])), scores[index])
            }
        }
        json.byte(0x5D)
        return json.bytes
    }

    /// Writes `document`'s score in `term`'s entry again, leaving the rest of the entry as it is.
    private mutating func rescore(_ term: String, document: Int32) {
        let list = lists[term]!
        let position = list.position(of: document)
        var digits = JSONBytes()
        digits.integer(score(list, at: position))
        var bytes = entries.removeValue(forKey: term)!
        // The entry is `"term":[idf,d,s,d,s,…]` and a term has no `[`: the score is number 2 × position + 2.
        let (start, end) = bytes.withUnsafeBufferPointer { buffer -> (Int, Int) in
            var index = buffer.firstIndex(of: 0x5B)! + 1, commas = 0
            while commas < 2 * position + 2 {
                if buffer[index] == 0x2C { commas += 1 }
                index += 1
            }
            var end = index
            while buffer[end] != 0x2C && buffer[end] != 0x5D { end += 1 }
            return (index, end)
        }
        bytes.replaceSubrange(start..<end, with: digits.bytes)
        entries[term] = bytes
    }

    /// The written score of the document at `position` of `list`: saturation (plus the title bonus) × 1,000.
    private func score(_ list: PostingList, at position: Int) -> Int {
        Self.score(weight: list.weights[position], norm: norms[Int(list.documents[position])], inTitle: list.inTitle[position], options: options)
    }

    /// `score(_:at:)` of every document of `list`, in one loop over the arrays' buffers: no call per posting,
    /// so one posting's division overlaps the next one's (a long list is most of an entry's time).
    private func scores(_ list: PostingList) -> [Int] {
        let count = list.documents.count
        return [Int](unsafeUninitializedCapacity: count) { scores, initialized in
            list.documents.withUnsafeBufferPointer { documents in
                list.weights.withUnsafeBufferPointer { weights in
                    list.inTitle.withUnsafeBufferPointer { inTitle in
                        norms.withUnsafeBufferPointer { norms in
                            for index in 0..<count {
                                scores[index] = Self.score(weight: weights[index], norm: norms[Int(documents[index])], inTitle: inTitle[index], options: options)
                            }
                        }
                    }
                }
            }
            initialized = count
        }
    }

    /// The written score of a posting of `weight` in a document of `norm`.
    @inline(__always)
    private static func score(weight: Float, norm: Double, inTitle: Bool, options: Options) -> Int {
        let saturation = options.bm25.saturation(weight: Double(weight), norm: norm)
        return max(1, roundedInteger((saturation + (inTitle ? options.titleBonus : 0)) * 1000))
    }

    /// `Int(value.rounded())` for a `value` that is not negative (a negative one gives 0 or its rounding
    /// towards zero, which every caller lifts to 1), without the C library's `round`, which every posting's
    /// score called: the whole part, plus one when the rest is at least a half. The rest of a Double below
    /// 2⁵² is exact, and above that there is none.
    static func roundedInteger(_ value: Double) -> Int {
        let whole = Int(value)
        // One when the rest is at least a half, taken from the sign of rest − ½ (exact) rather than chosen by a
        // branch: whether the rest reaches a half is a coin toss per posting, and the branch missed half the time.
        let up = 1 &- Int(truncatingIfNeeded: (value - Double(whole) - 0.5).bitPattern >> 63)
        return whole &+ up
    }

    /// Where `term` is, or would go, in `terms`.
    private func insertionPoint(of term: String) -> Int {
        var (low, high) = (0, terms.count)
        while low < high {
            let middle = (low + high) / 2
            if Self.precedes(terms[middle], term) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func precedes(_ a: String, _ b: String) -> Bool { a.utf16.lexicographicallyPrecedes(b.utf16) }

    /// A document's length to two significant digits (1,523 → 1,500), as Lucene keeps lengths in one byte:
    /// a small edit then leaves the document's scores, and the shards holding them, as they are.
    static func rounded(_ length: Int) -> Int {
        var scale = 1
        while length / scale >= 100 { scale *= 10 }
        return (length + scale / 2) / scale * scale
    }

    private static func average(_ total: Int, count: Int) -> Double {
        count == 0 ? 1 : max(1, (Double(total) / Double(count)).rounded())
    }
}
