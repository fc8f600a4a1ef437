/// The posting lists of a run of documents, packed into three arrays of exactly their size by term number
/// (`TermNumbering`): term `t` is in the documents `documents[starts[t]..<starts[t + 1]]` (ascending), with
/// the weights and title flags beside them; a term numbered after the run was packed is in none of them.
/// Built by a counting sort, one pass to count and one to fill, so no list grows by doubling and no term
/// is looked up.
struct PackedPostings: Sendable {
    private let starts: [Int32]
    private let documents: [Int32]
    private let weights: [Float]
    private let inTitle: [Bool]

    /// The lists of `run`, whose first document is number `firstNumber` and the others follow it;
    /// `numbers[i]` numbers the terms of `run`'s document `i`, below `termCount`.
    init(_ run: ArraySlice<DocumentTerms>, numbers: ArraySlice<[Int32]>, termCount: Int, firstNumber: Int) {
        var starts = [Int32](repeating: 0, count: termCount + 1)
        starts.withUnsafeMutableBufferPointer { starts in
            for numbered in numbers {
                for number in numbered { starts[Int(number) + 1] += 1 }
            }
            for term in 0..<termCount { starts[term + 1] += starts[term] }
        }
        let total = Int(starts[termCount])
        var next = starts
        var documents = [Int32](repeating: 0, count: total)
        var weights = [Float](repeating: 0, count: total)
        var inTitle = [Bool](repeating: false, count: total)
        next.withUnsafeMutableBufferPointer { next in
            documents.withUnsafeMutableBufferPointer { documents in
                weights.withUnsafeMutableBufferPointer { weights in
                    inTitle.withUnsafeMutableBufferPointer { inTitle in
                        for ((document, numbered), number) in zip(zip(run, numbers), Int32(firstNumber)...) {
                            numbered.withUnsafeBufferPointer { numbered in
                                document.forEachWeight { position, weight, titled in
                                    let term = Int(numbered[position])
                                    let place = Int(next[term])
                                    next[term] += 1
                                    documents[place] = number
                                    weights[place] = weight
                                    inTitle[place] = titled
                                }
                            }
                        }
                    }
                }
            }
        }
        self.starts = starts
        self.documents = documents
        self.weights = weights
        self.inTitle = inTitle
    }

    /// The whole list of term `term`: its slices in `parts`, one after the other.
    static func list(_ term: Int, in parts: [PackedPostings]) -> PostingList {
        let ranges = parts.map { part in
            term + 1 < part.starts.count ? Int(part.starts[term])..<Int(part.starts[term + 1]) : 0..<0
        }
        let count = ranges.reduce(0) { $0 + $1.count }
        var documents: [Int32] = [], weights: [Float] = [], inTitle: [Bool] = []
        documents.reserveCapacity(count)
        weights.reserveCapacity(count)
        inTitle.reserveCapacity(count)
        for (part, range) in zip(parts, ranges) where !range.isEmpty {
            documents += part.documents[range]
            weights += part.weights[range]
            inTitle += part.inTitle[range]
        }
        return PostingList(documents: documents, weights: weights, inTitle: inTitle)
    }
}
