/// The static search index: BM25 scores computed at build time, terms in sorted shards so that a query
/// loads only the shards of its terms, and one fragment per document for the hits it shows.
///
/// Files, relative to the index's folder:
/// - `index.json`: `{"version":…,"documents":N,"shards":[first term of each shard…]}`; a term is in the last
///   shard whose first term is not greater than it (UTF-16 order, as JavaScript compares strings).
/// - `terms/<i>.json`: `{"term":[doc,score,doc delta,score,…],…}`, documents ascending, scores BM25 × 100.
/// - `docs/<doc>.json`: the document's `SearchFragment`, written by the caller.
///
/// `version` changes whenever any file does; the script adds it to every URL it loads, so a cached shard
/// never meets a newer manifest. The index keeps every term's encoded entry, so that `replace` (one
/// document edited) encodes again only the entries of that document's terms.
public struct SearchIndex: Sendable {
    /// How the index is cut and scored.
    public struct Options: Sendable, Hashable {
        /// Shards are cut once they pass this many bytes (a term with a longer posting list gets a shard alone).
        public var shardBytes = 32_000
        public var bm25 = BM25()
        public init() {}
    }

    /// One file of the index.
    public struct File: Sendable, Hashable {
        /// Relative to the index's folder: `index.json`, `terms/0.json`.
        public var path: String
        public var bytes: [UInt8]
    }

    private let options: Options
    private var lists: [String: PostingList] = [:]
    /// `"term":[…]` for every term.
    private var entries: [String: [UInt8]] = [:]
    /// Every term, in UTF-16 order.
    private var terms: [String]
    private var lengths: [Int]
    private var totalLength: Int
    /// The average document length, rounded to a whole number so that most edits leave it, and with it
    /// every other document's scores, unchanged.
    private var averageLength: Double

    /// The index of `documents` (document `i` is `documents[i]`).
    public init(_ documents: [DocumentTerms], options: Options = .init()) {
        self.options = options
        for (document, terms) in documents.enumerated() {
            // Documents in order, so every list is in document order whatever order a document's terms come in.
            for (term, weight) in terms.weights { lists[term, default: PostingList()].append(Int32(document), weight: weight) }
        }
        terms = lists.keys.sorted(by: Self.precedes)
        lengths = documents.map(\.length)
        totalLength = lengths.reduce(0, +)
        averageLength = Self.average(totalLength, count: documents.count)
        for term in terms { entries[term] = entry(term) }
    }

    /// Document `document` now has `new` terms instead of `old`.
    public mutating func replace(_ document: Int, with new: DocumentTerms, was old: DocumentTerms) {
        totalLength += new.length - lengths[document]
        lengths[document] = new.length
        let touched = Set(old.weights.keys).union(new.weights.keys)
        for term in touched {
            var list = lists[term] ?? PostingList()
            let existed = !list.documents.isEmpty
            list.set(Int32(document), weight: new.weights[term])
            if list.documents.isEmpty {
                lists[term] = nil
                entries[term] = nil
                if existed { terms.remove(at: insertionPoint(of: term)) }
            } else {
                if !existed { terms.insert(term, at: insertionPoint(of: term)) }
                lists[term] = list
            }
        }
        let average = Self.average(totalLength, count: lengths.count)
        if average != averageLength {
            averageLength = average
            for term in terms { entries[term] = entry(term) }
        } else {
            // The document's length changed: every list it is (or was) in is scored again; no other list.
            for term in touched where lists[term] != nil { entries[term] = entry(term) }
        }
    }

    /// The manifest and the shards; `fragmentHashes` (FNV-1a of each document's fragment) go into the version.
    public func files(fragmentHashes: [UInt64]) -> [File] {
        var shards: [(first: String, json: JSONBytes)] = []
        for term in terms {
            let entry = entries[term]!
            if let last = shards.last, last.json.bytes.count + entry.count <= options.shardBytes {
                shards[shards.count - 1].json.byte(0x2C)
                shards[shards.count - 1].json.append(entry)
            } else {
                var json = JSONBytes(capacity: max(options.shardBytes, entry.count) + 64)
                json.byte(0x7B)
                json.append(entry)
                shards.append((term, json))
            }
        }
        var hash = FNV1a()
        var files: [File] = []
        for (index, shard) in shards.enumerated() {
            var json = shard.json
            json.raw("}\n")
            hash.add(json.bytes)
            files.append(File(path: "terms/\(index).json", bytes: json.bytes))
        }
        for fragment in fragmentHashes { hash.add(fragment) }
        var manifest = JSONBytes()
        manifest.raw("{\"version\":\"\(hash.hex)\",\"documents\":")
        manifest.integer(lengths.count)
        manifest.raw(",\"shards\":[")
        for (index, shard) in shards.enumerated() {
            if index > 0 { manifest.byte(0x2C) }
            manifest.string(shard.first)
        }
        manifest.raw("]}\n")
        return [File(path: "index.json", bytes: manifest.bytes)] + files
    }

    /// `"term":[doc,score,…]` with document numbers as deltas.
    private func entry(_ term: String) -> [UInt8] {
        let list = lists[term]!
        let bm25 = options.bm25
        let idf = bm25.idf(documentFrequency: list.documents.count, documentCount: lengths.count)
        var json = JSONBytes(capacity: term.utf8.count + 4 + list.documents.count * 8)
        json.string(term)
        json.raw(":[")
        var previous: Int32 = 0
        for (index, document) in list.documents.enumerated() {
            let score = bm25.score(
                weight: Double(list.weights[index]), length: lengths[Int(document)], averageLength: averageLength, idf: idf)
            if index > 0 { json.byte(0x2C) }
            json.integer(Int(document - previous))
            json.byte(0x2C)
            json.integer(max(1, Int((score * 100).rounded())))
            previous = document
        }
        json.byte(0x5D)
        return json.bytes
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

    private static func average(_ total: Int, count: Int) -> Double {
        count == 0 ? 1 : max(1, (Double(total) / Double(count)).rounded())
    }
}

/// One term's documents (ascending) and weighted frequencies.
private struct PostingList: Sendable {
    var documents: [Int32] = []
    var weights: [Float] = []

    mutating func append(_ document: Int32, weight: Float) {
        documents.append(document)
        weights.append(weight)
    }

    /// Sets the document's weight; nil takes it out.
    mutating func set(_ document: Int32, weight: Float?) {
        var (low, high) = (0, documents.count)
        while low < high {
            let middle = (low + high) / 2
            if documents[middle] < document { low = middle + 1 } else { high = middle }
        }
        let present = low < documents.count && documents[low] == document
        switch (present, weight) {
        case (true, .some(let weight)): weights[low] = weight
        case (true, nil):
            documents.remove(at: low)
            weights.remove(at: low)
        case (false, .some(let weight)):
            documents.insert(document, at: low)
            weights.insert(weight, at: low)
        case (false, nil): break
        }
    }
}
