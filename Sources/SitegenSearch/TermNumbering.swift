/// Numbers terms in the order first met across every document it is shown: a term has the same number in
/// all of them, so posting lists packed a run of documents at a time line up by number, and the index is
/// put together from them without a table of terms per run.
struct TermNumbering: Sendable {
    /// Every term met; its entry's index is its number.
    private var table = ByteKeyTable<Void>(capacity: 4096)
    /// Each term, by number.
    private(set) var terms: [String] = []

    /// The number of each term of `document`, in its order (`DocumentTerms.forEachHashedTerm`'s).
    mutating func numbers(of document: DocumentTerms) -> [Int32] {
        [Int32](unsafeUninitializedCapacity: document.count) { numbers, initialized in
            document.forEachHashedTerm { position, bytes, hash in
                let entry = table.entry(for: bytes, hash: hash, inserting: ())
                if entry.inserted { terms.append(String(decoding: bytes, as: UTF8.self)) }
                numbers[position] = Int32(entry.index)
            }
            initialized = document.count
        }
    }
}
