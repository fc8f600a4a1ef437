/// Builds the static search index: BM25 scores computed at build time, terms in sorted shards so that a
/// query loads only the shards of its terms, and one fragment per document for the hits it shows.
///
/// Files, relative to the index's folder:
/// - `index.json`: `{"version":…,"documents":N,"shards":[first term of each shard…]}`; a term is in the last
///   shard whose first term is not greater than it (UTF-16 order).
/// - `terms/<i>.json`: `{"term":[doc,score,doc delta,score,…],…}`, documents ascending, scores BM25 × 100.
/// - `docs/<doc>.json`: the document's `SearchFragment`.
///
/// `version` changes whenever any file does; the script adds it to every URL it loads, so a cached shard
/// never meets a newer manifest.
public struct SearchIndexBuilder: Sendable {
    /// Shards are cut once they pass this many bytes (a term with a longer posting list gets a shard alone).
    public var shardBytes = 32_000
    public var bm25 = BM25()

    public init() {}

    /// One file of the index.
    public struct File: Sendable, Hashable {
        /// Relative to the index's folder: `index.json`, `terms/0.json`, `docs/0.json`.
        public var path: String
        public var bytes: [UInt8]
    }

    /// The shard files and the manifest for `documents`, whose fragments (`docs/<i>.json`, document `i` in
    /// this order) the caller writes from `SearchFragment.json()`, passing their FNV-1a hashes in
    /// `fragmentHashes` so the version covers them (the caller encodes them in parallel).
    public func files(for documents: [DocumentTerms], fragmentHashes: [UInt64]) -> [File] {
        let postings = Postings(documents)
        let averageLength = documents.isEmpty ? 1 : Double(documents.reduce(0) { $0 + $1.length }) / Double(documents.count)
        var shards: [(first: String, json: JSONBytes)] = []
        for term in postings.sortedTerms {
            let entry = entry(term, postings: postings.lists[term]!, documents: documents, averageLength: averageLength)
            if let last = shards.last, last.json.bytes.count + entry.bytes.count <= shardBytes {
                shards[shards.count - 1].json.byte(0x2C)
                shards[shards.count - 1].json.append(entry)
            } else {
                var json = JSONBytes(capacity: shardBytes + 64)
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
        manifest.integer(documents.count)
        manifest.raw(",\"shards\":[")
        for (index, shard) in shards.enumerated() {
            if index > 0 { manifest.byte(0x2C) }
            manifest.string(shard.first)
        }
        manifest.raw("]}\n")
        return [File(path: "index.json", bytes: manifest.bytes)] + files
    }

    /// `"term":[doc,score,…]` with document numbers as deltas.
    private func entry(_ term: String, postings: Postings.List, documents: [DocumentTerms], averageLength: Double) -> JSONBytes {
        let idf = bm25.idf(documentFrequency: postings.documents.count, documentCount: documents.count)
        var json = JSONBytes(capacity: term.utf8.count + 4 + postings.documents.count * 8)
        json.string(term)
        json.raw(":[")
        var previous: Int32 = 0
        for (index, document) in postings.documents.enumerated() {
            let score = bm25.score(
                weight: Double(postings.weights[index]), length: documents[Int(document)].length,
                averageLength: averageLength, idf: idf)
            if index > 0 { json.byte(0x2C) }
            json.integer(Int(document - previous))
            json.byte(0x2C)
            json.integer(max(1, Int((score * 100).rounded())))
            previous = document
        }
        json.byte(0x5D)
        return json
    }
}

/// Every term's documents and weighted frequencies, documents ascending.
private struct Postings {
    struct List {
        var documents: [Int32] = []
        var weights: [Float] = []

        mutating func add(_ document: Int32, weight: Float) {
            documents.append(document)
            weights.append(weight)
        }
    }

    private(set) var lists: [String: List] = [:]
    let sortedTerms: [String]

    init(_ documents: [DocumentTerms]) {
        for (document, terms) in documents.enumerated() {
            for (term, weight) in zip(terms.terms, terms.weights) {
                lists[term, default: List()].add(Int32(document), weight: weight)
            }
        }
        sortedTerms = lists.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
    }
}
