/// An `If-None-Match` request header: `*`, or a list of entity tags compared weakly (`W/"x"` matches `"x"`).
struct IfNoneMatch {
    private let matchesAny: Bool
    private let tags: Set<String>

    /// The header's values (a request may repeat the header); nil when it has none.
    init?(_ values: [String]) {
        guard !values.isEmpty else { return nil }
        var tags = Set<String>()
        var matchesAny = false
        for value in values {
            for item in Self.split(value) {
                if item == "*" {
                    matchesAny = true
                } else {
                    tags.insert(Self.opaque(item))
                }
            }
        }
        self.matchesAny = matchesAny
        self.tags = tags
    }

    /// Whether the current representation, tagged `etag`, is one the client already has.
    func matches(_ etag: String) -> Bool {
        matchesAny || tags.contains(Self.opaque(etag))
    }

    /// The tag without `W/`.
    private static func opaque(_ tag: some StringProtocol) -> String {
        String(tag.hasPrefix("W/") ? tag.dropFirst(2) : tag[...])
    }

    /// Comma-separated items, where commas inside a quoted tag do not separate.
    private static func split(_ value: String) -> [Substring] {
        var items: [Substring] = []
        var start = value.startIndex
        var quoted = false
        for index in value.indices {
            switch value[index] {
            case "\"": quoted.toggle()
            case "," where !quoted:
                items.append(value[start..<index])
                start = value.index(after: index)
            default: break
            }
        }
        items.append(value[start...])
        return items.map(trimmed).filter { !$0.isEmpty }
    }

    private static func trimmed(_ item: Substring) -> Substring {
        var item = item
        while let first = item.first, first == " " || first == "\t" { item.removeFirst() }
        while let last = item.last, last == " " || last == "\t" { item.removeLast() }
        return item
    }
}
