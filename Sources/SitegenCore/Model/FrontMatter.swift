/// An article's front matter, typed.
public struct FrontMatter: Sendable, Hashable {
    public var title: String
    public var date: PublishDate
    public var description: String?
    public var category: String?
    public var tags: [String] = []
    public var author: String?
    public var image: String?
    public var imageAlt: String?
    public var draft = false
    public var slug: String?
    public var updated: PublishDate?
    public var aliases: [String] = []
    /// `facts:`: values that comparison tables with `options_from` read, keyed by criterion id.
    public var facts: [String: DataValue] = [:]
    /// Where each key was written (1-based file positions), for diagnostics raised after parsing.
    public var positions: [String: FilePosition] = [:]

    public init(title: String, date: PublishDate) {
        self.title = title
        self.date = date
    }

    /// When the article last changed: `updated` when it is later than `date`, else `date`.
    public var lastModified: PublishDate { max(updated ?? date, date) }

    /// Every key an article may set.
    public static let keys = [
        "title", "date", "description", "category", "tags", "author", "image",
        "image_alt", "draft", "slug", "updated", "aliases", "facts",
    ]
}

/// A 1-based line and column in a file.
public struct FilePosition: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
