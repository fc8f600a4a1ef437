import SitegenText

/// The `id`s a page defines and the `href`/`src` URLs it links to, read from generated HTML.
///
/// sitegen writes its own HTML, so a byte scan for ` id="`, ` href="` and ` src="` is exact here: attribute
/// values are always double-quoted and text never holds a raw `"` inside a tag.
struct HTMLScan: Sendable {
    struct Link: Sendable, Hashable {
        /// The attribute value, entity-decoded.
        var url: String
        /// Byte offset of the attribute in the page.
        var offset: Int
    }

    var ids: Set<String> = []
    var links: [Link] = []

    init(_ html: [UInt8]) {
        var index = 0
        let count = html.count
        while index < count {
            guard html[index] == UInt8(ascii: " ") || html[index] == UInt8(ascii: "\n") else {
                index += 1
                continue
            }
            if let (name, valueStart) = Self.attribute(in: html, at: index + 1) {
                let end = html[valueStart...].firstIndex(of: UInt8(ascii: "\"")) ?? count
                let value = Self.decodeEntities(String(decoding: html[valueStart..<end], as: UTF8.self))
                if name == .id { ids.insert(value) } else { links.append(Link(url: value, offset: index + 1)) }
                index = end
            } else {
                index += 1
            }
        }
    }

    private enum Name { case id, link }

    private static let patterns: [(bytes: [UInt8], name: Name)] = [
        (Array("id=\"".utf8), .id), (Array("href=\"".utf8), .link), (Array("src=\"".utf8), .link),
    ]

    private static func attribute(in html: [UInt8], at start: Int) -> (Name, Int)? {
        for pattern in patterns where start + pattern.bytes.count <= html.count {
            if html[start..<(start + pattern.bytes.count)].elementsEqual(pattern.bytes) {
                return (pattern.name, start + pattern.bytes.count)
            }
        }
        return nil
    }

    /// The entities sitegen's escaping writes (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`, `&#x27;`).
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return entityDecoding.apply(to: text)
    }

    private static let entityDecoding = TextReplacement([
        ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"),
    ])
}
