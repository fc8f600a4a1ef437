/// The text of one document that search indexes, by field. Each field's terms count with its weight.
public struct SearchFields: Sendable, Hashable {
    public var title: String
    public var description: String
    public var tags: [String]
    public var headings: [String]
    /// The body's text, in any number of pieces (one per section, say).
    public var body: [String]

    public init(title: String, description: String, tags: [String], headings: [String], body: [String]) {
        self.title = title
        self.description = description
        self.tags = tags
        self.headings = headings
        self.body = body
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
