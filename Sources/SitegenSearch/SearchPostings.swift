/// The index's input gathered a run of documents at a time: each run packed into posting lists as it
/// comes (`PackedPostings`), so a build that renders its documents in slices need not keep every
/// document's terms until the index is built. Documents are numbered in the order they are added, and
/// terms in the order first met (`TermNumbering`).
public struct SearchPostings: Sendable {
    private var numbering = TermNumbering()
    /// The runs' lists, in the order added: a term's list is its runs' slices one after the other.
    private(set) var parts: [PackedPostings] = []
    /// Each document's length for BM25 (`DocumentTerms.length`), by number.
    public private(set) var lengths: [Int] = []

    public init() {}

    /// Every term met, by number.
    var terms: [String] { numbering.terms }

    /// Adds `documents`, numbered after the documents already added, packed on up to `tasks` tasks.
    public mutating func add(_ documents: [DocumentTerms], tasks: Int) async {
        let first = lengths.count
        var numbers: [[Int32]] = []
        numbers.reserveCapacity(documents.count)
        for document in documents { numbers.append(numbering.numbers(of: document)) }
        let termCount = numbering.terms.count
        lengths += documents.map(\.length)
        guard tasks > 1 else {
            // In the calling task: a child task would wait behind every job queued before it (a build packs
            // each slice of articles while the next one renders, and the packing would start only once that
            // slice's chunks were done, leaving a core idle at every slice).
            parts.append(PackedPostings(documents[...], numbers: numbers[...], termCount: termCount, firstNumber: first))
            return
        }
        let size = max(1, (documents.count + tasks - 1) / tasks)
        let runs = await withTaskGroup(of: (Int, PackedPostings).self) { [numbers] group in
            for start in stride(from: 0, to: documents.count, by: size) {
                let range = start..<min(start + size, documents.count)
                group.addTask { (start, PackedPostings(documents[range], numbers: numbers[range], termCount: termCount, firstNumber: first + start)) }
            }
            var runs: [(Int, PackedPostings)] = []
            for await run in group { runs.append(run) }
            return runs.sorted { $0.0 < $1.0 }.map(\.1)
        }
        parts += runs
    }
}
