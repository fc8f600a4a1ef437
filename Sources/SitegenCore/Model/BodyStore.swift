/// Where a one-off build keeps the articles' rendered bodies between the parse and the render. Every page
/// shows other articles' reading times, so no page is rendered before every body is; a large site's bodies
/// (1.5 GB of HTML and 0.7 GB of search text at 100,000 articles) then wait in a store instead of in
/// memory, and each is read back for its page, its feeds and its search fragment.
///
/// `InMemoryBodyStore` keeps them in one buffer (for tests); `FileBodyStore`, in a temporary file.
public protocol BodyStore: Sendable {
    /// Keeps `bytes`; where they are, for `bytes(at:)`.
    mutating func append(_ bytes: [UInt8]) throws -> Range<Int>
    /// The bytes `append` kept at `range`.
    func bytes(at range: Range<Int>) -> [UInt8]
    /// The bytes `append` kept at `range`, as text.
    func text(at range: Range<Int>) -> String
}

extension BodyStore {
    public func text(at range: Range<Int>) -> String {
        String(decoding: bytes(at: range), as: UTF8.self)
    }
}

/// A `BodyStore` in memory: one buffer that every body is appended to.
public struct InMemoryBodyStore: BodyStore {
    private var storage: [UInt8] = []

    public init() {}

    public mutating func append(_ bytes: [UInt8]) -> Range<Int> {
        let start = storage.count
        storage += bytes
        return start..<storage.count
    }

    public func bytes(at range: Range<Int>) -> [UInt8] { Array(storage[range]) }
}
