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

extension FrontMatter {
    /// Whether the two differ at most in what only pages showing the article depend on: its title,
    /// description, image and author. Everything else (the date, tags, category, draft, slug, aliases,
    /// facts, even where each key is written) shapes the site: the order, the lists, the routes, the data
    /// tables, the sitemap and the positions of diagnostics. A new key belongs on the shaping side unless
    /// it is only ever shown on pages that show the article. `titleShapes`: the title also shapes the site
    /// (comparison tables with `options_from` name their columns by it).
    func sameShape(as other: FrontMatter, titleShapes: Bool) -> Bool {
        var mine = self, theirs = other
        for matter in [\FrontMatter.description, \.image, \.imageAlt, \.author] as [WritableKeyPath<FrontMatter, String?>] {
            mine[keyPath: matter] = nil
            theirs[keyPath: matter] = nil
        }
        if !titleShapes { mine.title = theirs.title }
        return mine == theirs
    }
}
