/// The posting lists of a run of documents, packed into three arrays of exactly their size: term `terms[t]`
/// is in the documents `documents[starts[t]..<starts[t + 1]]` (ascending), with the weights and title flags
/// beside them. Built in two passes over the documents' terms, one to count and one to fill, so no list
/// grows by doubling and no String is hashed per occurrence.
struct PackedPostings: Sendable {
    /// Each term, numbered in the order first met.
    let terms: [String]
    private let starts: [Int]
    private let documents: [Int32]
    private let weights: [Float]
    private let inTitle: [Bool]

    /// The lists of `run`, whose first document is number `firstNumber` and the others follow it.
    init(_ run: ArraySlice<DocumentTerms>, firstNumber: Int) {
        var numbers = ByteKeyTable<Int32>(capacity: 4096)
        var terms: [String] = []
        var counts: [Int] = []
        // Each occurrence's term number, so the second pass looks nothing up.
        var numbered: [Int32] = []
        numbered.reserveCapacity(run.reduce(0) { $0 + $1.count })
        for document in run {
            document.forEachHashedTerm { _, bytes, hash in
                let entry = numbers.entry(for: bytes, hash: hash, inserting: Int32(terms.count))
                if entry.inserted {
                    terms.append(String(decoding: bytes, as: UTF8.self))
                    counts.append(0)
                }
                let number = numbers.values[entry.index]
                counts[Int(number)] += 1
                numbered.append(number)
            }
        }
        var starts = [0]
        starts.reserveCapacity(counts.count + 1)
        for count in counts { starts.append(starts.last! + count) }
        var next = Array(starts.dropLast())
        var documents = [Int32](repeating: 0, count: numbered.count)
        var weights = [Float](repeating: 0, count: numbered.count)
        var inTitle = [Bool](repeating: false, count: numbered.count)
        var occurrence = 0
        for (number, document) in zip(firstNumber..., run) {
            document.forEachWeight { weight, titled in
                let term = Int(numbered[occurrence])
                occurrence += 1
                let place = next[term]
                next[term] += 1
                documents[place] = Int32(number)
                weights[place] = weight
                inTitle[place] = titled
            }
        }
        self.terms = terms
        self.starts = starts
        self.documents = documents
        self.weights = weights
        self.inTitle = inTitle
    }

    /// The list of `terms[term]`, copied out.
    func list(_ term: Int) -> PostingList {
        Self.list(of: [(0, term)], in: [self])
    }

    /// One term's whole list: its slices in `parts` at `places` (part, term number), one after the other.
    static func list(of places: [(part: Int, id: Int)], in parts: [PackedPostings]) -> PostingList {
        let ranges = places.map { (part: $0.part, range: parts[$0.part].starts[$0.id]..<parts[$0.part].starts[$0.id + 1]) }
        let count = ranges.reduce(0) { $0 + $1.range.count }
        var documents: [Int32] = [], weights: [Float] = [], inTitle: [Bool] = []
        documents.reserveCapacity(count)
        weights.reserveCapacity(count)
        inTitle.reserveCapacity(count)
        for (part, range) in ranges {
            documents += parts[part].documents[range]
            weights += parts[part].weights[range]
            inTitle += parts[part].inTitle[range]
        }
        return PostingList(documents: documents, weights: weights, inTitle: inTitle)
    }
}
