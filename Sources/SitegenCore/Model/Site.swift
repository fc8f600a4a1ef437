import SitegenMarkdown

/// The assembled site: every published article in order, with its taxonomy and neighbours.
struct Site: Sendable {
    let config: SiteConfig
    /// Newest first.
    private(set) var articles: [Article]
    let tags: [Term]
    let categories: [Term]
    /// Per article (same order as `articles`): tag and category indices into `tags`/`categories`.
    let articleTags: [[Int]]
    let articleCategory: [Int?]
    /// Per article: indices of related articles, best first.
    let related: [[Int]]
    /// Comparisons and decision helpers.
    let data: SiteData
    /// Where the articles' bodies are that the articles do not hold (`ArticleBody.stored`).
    var bodyStore: (any BodyStore)?

    /// The HTML of article `index`'s body.
    func html(of index: Int) -> String { articles[index].body.html(in: bodyStore) }

    /// `html(of:)` as UTF-8, for output written as bytes.
    func htmlUTF8(of index: Int) -> [UInt8] { articles[index].body.htmlUTF8(in: bodyStore) }

    /// The text by section of article `index`'s body, encoded for its search fragment (empty unless it is
    /// indexed).
    func searchSections(of index: Int) -> [UInt8] { articles[index].body.searchSections(in: bodyStore) }

    /// Puts `article` in the place of the one at `index`; it must keep the site's shape (`FrontMatter.sameShape`).
    mutating func replaceArticle(at index: Int, with article: Article) {
        articles[index] = article
    }
}

/// A tag or a category with the articles filed under it.
struct Term: Sendable, Hashable {
    /// URL slug; the identity of the term.
    let slug: String
    /// How it is shown: the most common spelling.
    let name: String
    /// Indices into `Site.articles`, newest first.
    let articles: [Int]
}

/// Tags or categories.
enum TermKind: Sendable {
    case tag, category

    var plural: String { self == .tag ? "Tags" : "Categories" }
    var singular: String { self == .tag ? "tag" : "category" }
    /// `Tag`, `Category`.
    var title: String { self == .tag ? "Tag" : "Category" }
    /// The front-matter key the names come from.
    var frontMatterKey: String { self == .tag ? "tags" : "category" }
    var indexRoute: String { self == .tag ? "tags/" : "categories/" }
    func route(_ slug: String) -> String { indexRoute + slug + "/" }
}
