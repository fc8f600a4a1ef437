/// The typed view models handed to templates. Templates never see the raw site: every value here is
/// already formatted, escaped where it carries HTML (`content`, `jsonLD`), and URLs are final
/// (site-relative paths carry the base path; `permalink`/`canonicalURL` are absolute).

/// The root object of every template render.
struct PageContext: Sendable, Equatable {
    /// The site-wide values (same on every page).
    var site: SiteView
    /// Head metadata of this page.
    var page: PageMeta
    /// Set on article pages.
    var article: ArticleView?
    /// Set on the home page and on tag and category pages.
    var list: ListView?
    /// Set on `/tags/` and `/categories/`.
    var terms: TermsView?
    /// Set on `/archive/`.
    var archive: ArchiveView?
    /// Set on alias redirect pages.
    var redirect: RedirectView?
}

/// Site-wide values.
struct SiteView: Sendable, Equatable {
    var title: String
    var description: String
    /// BCP 47 language tag for `<html lang>`.
    var language: String
    /// Absolute base URL with a trailing slash.
    var baseURL: String
    /// Site-relative home URL (the base path, e.g. `/` or `/pr-42/`).
    var homeURL: String
    var author: String
    /// Site-relative URLs of the stylesheet and the feeds.
    var stylesheetURL: String
    var rssURL: String
    var atomURL: String
    var jsonFeedURL: String
    var tagsURL: String
    var categoriesURL: String
    var archiveURL: String
    /// The search page, whose folder holds the index; nil when search is off.
    var searchURL: String?
    /// Categories for the header navigation, by name.
    var navigation: [TermLink]
    /// Year of the newest article, for the footer (never the clock).
    var copyrightYear: String
    /// Set in preview builds: the banner's text and label.
    var preview: PreviewView?
}

/// The banner of a preview build.
struct PreviewView: Sendable, Equatable {
    var text: String
    /// The commit or pull request the preview shows, if given.
    var label: String?
}

/// What goes into `<head>` of one page.
struct PageMeta: Sendable, Equatable {
    /// The document `<title>`.
    var title: String
    var description: String
    /// Absolute URL of this page.
    var canonicalURL: String
    /// `website` or `article` (OpenGraph).
    var ogType: String
    /// Absolute image URL for OpenGraph/Twitter, if any.
    var imageURL: String?
    var imageAlt: String?
    /// `summary_large_image` when there is an image, else `summary`.
    var twitterCard: String
    /// Feeds to advertise with `<link rel="alternate">`.
    var feeds: [FeedLink]
    /// JSON-LD script body (already safe to place inside `<script type="application/ld+json">`).
    var jsonLD: String?
    /// `rel="prev"`/`rel="next"` for paginated lists.
    var previousURL: String?
    var nextURL: String?
    /// ISO 8601 dates for `article:published_time` / `article:modified_time`.
    var publishedTime: String?
    var modifiedTime: String?
}

struct FeedLink: Sendable, Equatable {
    var title: String
    var url: String
    /// MIME type: application/rss+xml, application/atom+xml, application/feed+json.
    var type: String
}

/// A tag or category as a link.
struct TermLink: Sendable, Equatable {
    var name: String
    var url: String
}

/// A formatted date.
struct DateView: Sendable, Equatable {
    /// For `<time datetime>`: `2026-03-16` or full RFC 3339 when a time was given.
    var iso: String
    /// For people: `March 16, 2026`.
    var display: String
}

struct ImageView: Sendable, Equatable {
    /// Site-relative (or external) URL.
    var url: String
    var alt: String
}

/// One entry of the table of contents (h2 with its h3 children).
struct TocEntry: Sendable, Equatable {
    var id: String
    var text: String
    var children: [TocEntry]
}

/// A full article page.
struct ArticleView: Sendable, Equatable {
    var title: String
    var description: String
    var url: String
    var permalink: String
    var date: DateView
    var updated: DateView?
    var author: String
    var category: TermLink?
    var tags: [TermLink]
    var hasTags: Bool
    var image: ImageView?
    var wordCount: Int
    var readingMinutes: Int
    /// `5 min read`.
    var readingTime: String
    var toc: [TocEntry]
    var hasToc: Bool
    /// The rendered body (HTML; use triple braces).
    var content: HTMLText
    /// The older neighbour and the newer neighbour in date order.
    var previous: ArticleLink?
    var next: ArticleLink?
    var related: [ArticleSummary]
    var hasRelated: Bool
    var draft: Bool
}

struct ArticleLink: Sendable, Equatable {
    var title: String
    var url: String
}

/// An article in a list (home, tag, category, archive, related). A class: each summary is made once and
/// shown on many pages (its tags' and category's lists, other articles' related lists), and every page's
/// context holds its own references to the summaries it lists; a struct of this many strings was copied,
/// and each of them retained, for every list it went into and again for the template engine.
final class ArticleSummary: Sendable, Equatable {
    let title: String
    let url: String
    let description: String
    let date: DateView
    let category: TermLink?
    let tags: [TermLink]
    let readingTime: String
    let image: ImageView?
    let draft: Bool

    init(
        title: String, url: String, description: String, date: DateView, category: TermLink?, tags: [TermLink],
        readingTime: String, image: ImageView?, draft: Bool
    ) {
        self.title = title
        self.url = url
        self.description = description
        self.date = date
        self.category = category
        self.tags = tags
        self.readingTime = readingTime
        self.image = image
        self.draft = draft
    }

    static func == (lhs: ArticleSummary, rhs: ArticleSummary) -> Bool {
        lhs === rhs
            || (lhs.title, lhs.url, lhs.description, lhs.readingTime, lhs.draft) == (rhs.title, rhs.url, rhs.description, rhs.readingTime, rhs.draft)
            && lhs.date == rhs.date && lhs.category == rhs.category && lhs.tags == rhs.tags && lhs.image == rhs.image
    }
}

/// The home page and tag/category pages.
struct ListView: Sendable, Equatable {
    /// The visible `<h1>`.
    var heading: String
    var description: String?
    /// `tag`, `category` or `home`.
    var kind: String
    var articles: [ArticleSummary]
    var pagination: PaginationView?
    /// The Atom feed of this tag or category.
    var feedURL: String?
}

struct PaginationView: Sendable, Equatable {
    var current: Int
    var total: Int
    var previousURL: String?
    var nextURL: String?
    var pages: [PageLink]
}

/// A page number to link to, or a gap (`…`) where numbers are left out.
struct PageLink: Sendable, Equatable {
    var number: Int
    var url: String
    var isCurrent: Bool
    var isGap = false

    static let gap = PageLink(number: 0, url: "", isCurrent: false, isGap: true)

    /// The page numbers a list page links to, nil for a gap: all of them up to 9 pages, else the first, the
    /// last and two either side of `current` (a gap that would hide one page shows it instead). Linking
    /// every page from every page would make a list of thousands of pages quadratic to write.
    static func numbers(current: Int, total: Int) -> [Int?] {
        guard total > 9 else { return Array(1...total) }
        var shown = Set([1, total]).union(max(1, current - 2)...min(total, current + 2))
        for number in shown.sorted() where number + 2 <= total && shown.contains(number + 2) { shown.insert(number + 1) }
        var numbers: [Int?] = []
        for number in shown.sorted() {
            if let last = numbers.last ?? nil, number > last + 1 { numbers.append(nil) }
            numbers.append(number)
        }
        return numbers
    }
}

/// `/tags/` and `/categories/`.
struct TermsView: Sendable, Equatable {
    var heading: String
    /// `tag` or `category`.
    var kind: String
    var items: [TermSummary]
}

struct TermSummary: Sendable, Equatable {
    var name: String
    var url: String
    var count: Int
    /// `1 article`, `12 articles`.
    var countText: String
}

/// `/archive/`.
struct ArchiveView: Sendable, Equatable {
    var heading: String
    var years: [ArchiveYear]
}

struct ArchiveYear: Sendable, Equatable {
    var year: String
    var count: Int
    var articles: [ArticleSummary]
}

/// A page that sends the reader from an old URL (`aliases`) to the article.
struct RedirectView: Sendable, Equatable {
    /// Absolute URL of the target.
    var target: String
    var title: String
}

/// HTML that a template writes as it is (`{{{article.content}}}`), kept as the UTF-8 the Markdown renderer
/// wrote: a body is tens of kilobytes, and making a String of it would validate every byte on each page.
struct HTMLText: Sendable, Equatable {
    var utf8: [UInt8]
}
