/// An article's rendered body: its HTML and its text by section as the search page's fragment holds it
/// (`SearchFragment.encode`; empty when the article is not indexed), held, or kept in the build's
/// `BodyStore` (`Site.html(of:)` and `Site.searchSections(of:)` read either).
enum ArticleBody: Sendable {
    /// The HTML's UTF-8 as the Markdown renderer gave it.
    case held(html: [UInt8], searchSections: [UInt8])
    /// Where the HTML's UTF-8 and the sections are in the store.
    case stored(html: Range<Int>, searchSections: Range<Int>)

    /// The HTML, read from `store` when it is kept there.
    func html(in store: (any BodyStore)?) -> String {
        switch self {
        case .held(let html, _): return String(decoding: html, as: UTF8.self)
        case .stored(let html, _): return Self.holding(store).text(at: html)
        }
    }

    /// The HTML's UTF-8, read from `store` when it is kept there, without making a String of it.
    func htmlUTF8(in store: (any BodyStore)?) -> [UInt8] {
        switch self {
        case .held(let html, _): return html
        case .stored(let html, _): return Self.holding(store).bytes(at: html)
        }
    }

    /// The encoded sections, read from `store` when they are kept there.
    func searchSections(in store: (any BodyStore)?) -> [UInt8] {
        switch self {
        case .held(_, let sections): return sections
        case .stored(_, let sections): return Self.holding(store).bytes(at: sections)
        }
    }

    private static func holding(_ store: (any BodyStore)?) -> any BodyStore {
        guard let store else { preconditionFailure("a body is kept in a store, and none was given to read it from") }
        return store
    }

    /// Appends the HTML's UTF-8 to `bytes`, then the sections; the ranges they took.
    static func pack(html: [UInt8], searchSections: [UInt8], into bytes: inout [UInt8]) -> (html: Range<Int>, searchSections: Range<Int>) {
        let start = bytes.count
        bytes += html
        let middle = bytes.count
        bytes += searchSections
        return (start..<middle, middle..<bytes.count)
    }
}

extension Range<Int> {
    /// The range `offset` further on.
    func shifted(by offset: Int) -> Range<Int> { lowerBound + offset..<upperBound + offset }
}
