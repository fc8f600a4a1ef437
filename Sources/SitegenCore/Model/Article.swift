import Foundation
import SitegenMarkdown
import SitegenSearch

/// An article after its front matter is read: enough to route it and to decide whether it is published.
/// It keeps the file's bytes as loaded, which the source tree shares, and no decoded copy of its text:
/// a site's heads are all held while the bodies render, and copies would double the sources' memory.
struct ArticleSource: Sendable {
    /// `content/blog/x.md`
    let path: String
    let meta: FrontMatter
    let bodyFirstLine: Int
    /// Site-relative route without the base path: `blog/x/`.
    let route: String
    /// The file as loaded; empty once released.
    private(set) var data: Data
    /// Where the body starts in the decoded text, in UTF-8 bytes.
    let bodyOffset: Int
    /// Whether this is `index.md` of a page bundle.
    var isBundle: Bool { path.hasSuffix("/index.md") }

    /// Lets go of the file's bytes (they may be the last reference to them); the body can no longer be opened.
    mutating func releaseData() { data = Data() }

    /// The decoded file, to render the body from: decoded again from `data`, which decoded when the head was read.
    func opened() -> ArticleText {
        guard case .success(let text) = SourceText.decode(data, path: path) else {
            preconditionFailure("\(path) no longer decodes, though its head was read from the same bytes")
        }
        return ArticleText(source: self, text: text)
    }
}

/// An article's decoded file while its body renders.
struct ArticleText {
    let source: ArticleSource
    let text: SourceText

    var path: String { source.path }
    var meta: FrontMatter { source.meta }
    var bodyFirstLine: Int { source.bodyFirstLine }
    /// Everything after the front matter's closing fence.
    var body: String {
        let text = self.text.text
        return String(text[text.utf8.index(text.startIndex, offsetBy: source.bodyOffset)...])
    }
}

/// A link as it appears in an article's HTML, and where its Markdown is.
struct LinkSite: Sendable, Hashable {
    let url: String
    let position: FilePosition
}

/// A fully parsed article: metadata plus rendered body.
struct Article: Sendable {
    let path: String
    let meta: FrontMatter
    let route: String
    /// The HTML and, when the article is indexed, its text by section, for the search page's excerpts.
    var body: ArticleBody
    let headings: [Heading]
    let wordCount: Int
    /// Resolved image URL (site-relative with base path, or external), if any.
    let imageURL: String?
    /// Whether the article is in the search index: search is on and it is not a draft.
    var isIndexed = false
    /// What the search index needs of the article, while it is indexed and its terms have not gone into
    /// posting lists already (a one-off build packs them as the bodies are rendered).
    var searchTerms: DocumentTerms?
    /// Each link and image of the body as written into the HTML, with its place in the file, so problems
    /// found in the built page can be reported where the author wrote them (`sitegen check`; a build keeps none).
    var linkSites: [LinkSite] = []
    /// Equal revisions mean the same rendering of the same file in the same surroundings, so work derived
    /// from an article (a feed entry) can be reused by comparing one number.
    var revision = 0

    /// Articles sort newest first; equal dates fall back to the path, so the order never depends on load order.
    static func newestFirst(_ a: Article, _ b: Article) -> Bool {
        newestFirst(a.meta, a.path, b.meta, b.path)
    }

    /// The site's order, from an article's front matter and path (`newestFirst`).
    static func newestFirst(_ a: FrontMatter, _ aPath: String, _ b: FrontMatter, _ bPath: String) -> Bool {
        newestFirst((a.date.epochSeconds, aPath), (b.date.epochSeconds, bPath))
    }

    /// The site's order, from an article's date in seconds and its path (`newestFirst`).
    static func newestFirst(_ a: (seconds: Int, path: String), _ b: (seconds: Int, path: String)) -> Bool {
        a.seconds != b.seconds ? a.seconds > b.seconds : a.path < b.path
    }
}
