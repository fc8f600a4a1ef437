/// What the search page shows of one result, written to its own file so that a query loads only its hits'.
public struct SearchFragment: Sendable, Hashable {
    /// The page's URL (with the site's base path).
    public var url: String
    public var title: String
    /// `2024-03-01`
    public var date: String
    /// The date as the site shows it.
    public var dateText: String
    /// The category's display name, empty when there is none.
    public var category: String
    public var description: String
    /// The body's text by section, for the excerpt and the link to the matching heading, as the fragment
    /// writes it (`encode(_:)`): encoded once, when the article is parsed, and not read back as text.
    public var sectionsJSON: [UInt8]

    public struct Section: Sendable, Hashable {
        /// The heading's `id`, empty before the first heading.
        public var anchor: String
        public var heading: String
        /// The section's text as UTF-8 (valid).
        public var textUTF8: [UInt8]
        public init(anchor: String, heading: String, text: String) {
            self.init(anchor: anchor, heading: heading, textUTF8: Array(text.utf8))
        }

        /// A section whose text is `textUTF8` (valid UTF-8).
        public init(anchor: String, heading: String, textUTF8: [UInt8]) {
            self.anchor = anchor
            self.heading = heading
            self.textUTF8 = textUTF8
        }
    }

    public init(url: String, title: String, date: String, dateText: String, category: String, description: String, sections: [Section]) {
        self.init(url: url, title: title, date: date, dateText: dateText, category: category, description: description, sectionsJSON: Self.encode(sections))
    }

    /// A fragment whose sections are `encode(_:)`d already.
    public init(url: String, title: String, date: String, dateText: String, category: String, description: String, sectionsJSON: [UInt8]) {
        self.url = url
        self.title = title
        self.date = date
        self.dateText = dateText
        self.category = category
        self.description = description
        self.sectionsJSON = sectionsJSON
    }

    /// The fragment's `sections`: `[[anchor,heading,text],…]`.
    public static func encode(_ sections: [Section]) -> [UInt8] {
        var out = JSONBytes(capacity: sections.reduce(2) { $0 + $1.textUTF8.count + $1.heading.utf8.count + $1.anchor.utf8.count + 12 })
        out.raw("[")
        for (index, section) in sections.enumerated() {
            out.raw(index == 0 ? "[" : ",[")
            out.string(section.anchor)
            out.raw(",")
            out.string(section.heading)
            out.raw(",")
            out.string(section.textUTF8)
            out.raw("]")
        }
        out.raw("]")
        return out.bytes
    }

    /// The fragment's file: `{"url":…,"title":…,"date":…,"dateText":…,"category":…,"description":…,"sections":[[anchor,heading,text],…]}`.
    public func json() -> [UInt8] { json(as: [UInt8].self) }

    /// `json()` made straight into `Bytes` (such as the `Data` of an output file): a large fragment's
    /// sections are copied once, into it.
    public func json<Bytes: RangeReplaceableCollection<UInt8>>(as _: Bytes.Type) -> Bytes {
        var head = JSONBytes(capacity: 512)
        head.raw("{\"url\":")
        head.string(url)
        for (key, value) in [("title", title), ("date", date), ("dateText", dateText), ("category", category), ("description", description)] {
            head.raw(",\"\(key)\":")
            head.string(value)
        }
        head.raw(",\"sections\":")
        var bytes = Bytes()
        bytes.reserveCapacity(head.bytes.count + sectionsJSON.count + 2)
        bytes.append(contentsOf: head.bytes)
        bytes.append(contentsOf: sectionsJSON)
        bytes.append(contentsOf: "}\n".utf8)
        return bytes
    }
}
