/// The text of one document that search indexes, by field. Each field's terms count with its weight.
public struct SearchFields: Sendable, Hashable {
    public var title: String
    public var description: String
    public var tags: [String]
    public var headings: [String]
    /// The body's text as UTF-8 (valid), in any number of pieces (one per section, say).
    public var body: [[UInt8]]

    public init(title: String, description: String, tags: [String], headings: [String], body: [String]) {
        self.init(title: title, description: description, tags: tags, headings: headings, bodyUTF8: body.map { Array($0.utf8) })
    }

    /// Fields whose body is given as UTF-8, as a rendered document's sections hold it.
    public init(title: String, description: String, tags: [String], headings: [String], bodyUTF8: [[UInt8]]) {
        self.title = title
        self.description = description
        self.tags = tags
        self.headings = headings
        self.body = bodyUTF8
    }

    /// How much one occurrence of a term counts, by field: a match in the title says most about a document.
    /// Keep them whole numbers (or halves): sums of those are exact in any order, so the index stays the
    /// same from run to run.
    public struct Weights: Sendable, Hashable {
        public var title: Float = 6
        public var tags: Float = 3
        public var headings: Float = 4
        public var description: Float = 2
        public var body: Float = 1
        public init() {}
    }
}
