import SitegenMarkdown

/// An article's rendered body: its HTML and its text by section (for the search page's excerpts), held,
/// or kept in the build's `BodyStore` (`Site.html(of:)` and `Site.sections(of:)` read either).
enum ArticleBody: Sendable {
    case held(html: String, sections: [TextSection])
    /// Where the HTML's UTF-8 and the sections (`packed`) are in the store.
    case stored(html: Range<Int>, sections: Range<Int>)

    /// The HTML, read from `store` when it is kept there.
    func html(in store: (any BodyStore)?) -> String {
        switch self {
        case .held(let html, _): return html
        case .stored(let html, _): return Self.holding(store).text(at: html)
        }
    }

    /// The text by section, read from `store` when it is kept there.
    func sections(in store: (any BodyStore)?) -> [TextSection] {
        switch self {
        case .held(_, let sections): return sections
        case .stored(_, let sections): return Self.sections(unpacking: Self.holding(store).bytes(at: sections))
        }
    }

    private static func holding(_ store: (any BodyStore)?) -> any BodyStore {
        guard let store else { preconditionFailure("a body is kept in a store, and none was given to read it from") }
        return store
    }

    /// Appends the HTML's UTF-8 to `bytes`, then the sections packed; the ranges they took.
    static func pack(html: String, sections: [TextSection], into bytes: inout [UInt8]) -> (html: Range<Int>, sections: Range<Int>) {
        let start = bytes.count
        bytes += html.utf8
        let middle = bytes.count
        append(UInt32(sections.count), to: &bytes)
        for section in sections {
            append(section.anchor, to: &bytes)
            append(section.heading, to: &bytes)
            append(section.text, to: &bytes)
        }
        return (start..<middle, middle..<bytes.count)
    }

    /// The sections `pack` wrote into `bytes`.
    static func sections(unpacking bytes: [UInt8]) -> [TextSection] {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            func number() -> Int {
                let value = (0..<4).reduce(0) { $0 | Int(buffer[offset + $1]) << (8 * $1) }
                offset += 4
                return value
            }
            func text() -> String {
                let count = number()
                defer { offset += count }
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<offset + count]), as: UTF8.self)
            }
            return (0..<number()).map { _ in
                let anchor = text(), heading = text()
                return TextSection(anchor: anchor, heading: heading, text: text())
            }
        }
    }

    /// Its length, then its UTF-8.
    private static func append(_ text: String, to bytes: inout [UInt8]) {
        append(UInt32(text.utf8.count), to: &bytes)
        bytes += text.utf8
    }

    /// Little-endian.
    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
}

extension Range<Int> {
    /// The range `offset` further on.
    func shifted(by offset: Int) -> Range<Int> { lowerBound + offset..<upperBound + offset }
}
