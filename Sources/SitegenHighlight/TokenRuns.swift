/// Tokens as the scanner emits them, in one UTF-8 buffer: run `i` is `bytes[start(i)..<ends[i]]`, of class
/// `kinds[i]` (nil: plain), and neighbours of one class are joined. No String is made per token.
struct TokenRuns {
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []
    private(set) var kinds: [String?] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Adds `text` of class `kind`, joined to the last run when that has the same class; nothing when empty.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>, _ kind: String?) {
        guard !text.isEmpty else { return }
        bytes.append(contentsOf: text)
        if let last = kinds.indices.last, kinds[last] == kind {
            ends[last] = bytes.count
        } else {
            kinds.append(kind)
            ends.append(bytes.count)
        }
    }

    var count: Int { kinds.count }

    /// Where run `index` starts in `bytes`.
    func start(_ index: Int) -> Int { index == 0 ? 0 : ends[index - 1] }

    /// The runs as tokens.
    var tokens: [Token] {
        kinds.indices.map { Token(text: String(decoding: bytes[start($0)..<ends[$0]], as: UTF8.self), kind: kinds[$0]) }
    }
}
