/// Builds the view models of `PageContext.swift` from the assembled site. Pure and cheap per call,
/// so pages can be rendered in parallel.
struct ViewModels: Sendable {
    private(set) var site: Site
    let urls: SiteURLs
    let siteView: SiteView
    /// Summaries of all articles, built once and shared by every list page.
    private(set) var summaries: [ArticleSummary]
    /// The site's RSS, Atom and JSON feeds, advertised on every page.
    let siteFeeds: [FeedLink]

    init(site: Site) {
        self.site = site
        let urls = SiteURLs(config: site.config)
        self.urls = urls
        let config = site.config
        siteView = SiteView(
            title: config.title, description: config.description, language: config.language,
            baseURL: urls.baseURL, homeURL: urls.basePath, author: config.author,
            stylesheetURL: urls.path("assets/site.css"), rssURL: urls.path(FeedRoutes.rss),
            atomURL: urls.path(FeedRoutes.atom), jsonFeedURL: urls.path(FeedRoutes.json),
            tagsURL: urls.path(TermKind.tag.indexRoute), categoriesURL: urls.path(TermKind.category.indexRoute),
            archiveURL: urls.path("archive/"), searchURL: config.search ? urls.path(SearchFiles.route) : nil,
            navigation: site.categories.map { TermLink(name: $0.name, url: urls.path(TermKind.category.route($0.slug))) },
            copyrightYear: site.articles.first.map { String($0.meta.date.year) } ?? "",
            preview: config.preview ? PreviewView(text: "Preview build — not published", label: config.previewLabel) : nil
        )
        summaries = site.articles.indices.map { Self.summary(site: site, urls: urls, index: $0) }
        siteFeeds = [
            FeedLink(title: "\(config.title) (RSS)", url: urls.path(FeedRoutes.rss), type: "application/rss+xml"),
            FeedLink(title: "\(config.title) (Atom)", url: urls.path(FeedRoutes.atom), type: "application/atom+xml"),
            FeedLink(title: "\(config.title) (JSON Feed)", url: urls.path(FeedRoutes.json), type: "application/feed+json"),
        ]
    }

    /// Puts `article` in the place of the one at `index`, which it must equal in everything that shapes the
    /// site (`FrontMatter.sameShape`), and makes its summary again; returns whether the summary changed.
    mutating func replaceArticle(at index: Int, with article: Article) -> Bool {
        site.replaceArticle(at: index, with: article)
        let summary = Self.summary(site: site, urls: urls, index: index)
        if summary == summaries[index] { return false }
        summaries[index] = summary
        return true
    }

    /// `1 article`, `12 articles`.
    static func articleCount(_ count: Int) -> String { count == 1 ? "1 article" : "\(count) articles" }

    static func date(_ date: PublishDate) -> DateView { DateView(iso: date.iso, display: date.display) }

    static func tagLinks(site: Site, urls: SiteURLs, index: Int) -> [TermLink] {
        site.articleTags[index].map { TermLink(name: site.tags[$0].name, url: urls.path(TermKind.tag.route(site.tags[$0].slug))) }
    }

    static func categoryLink(site: Site, urls: SiteURLs, index: Int) -> TermLink? {
        site.articleCategory[index].map { TermLink(name: site.categories[$0].name, url: urls.path(TermKind.category.route(site.categories[$0].slug))) }
    }

    private static func summary(site: Site, urls: SiteURLs, index: Int) -> ArticleSummary {
        summary(of: site.articles[index], site: site, urls: urls, index: index)
    }

    /// `summary(site:urls:index:)` with the article borrowed: a copy of it would retain every string it holds.
    private static func summary(of article: borrowing Article, site: Site, urls: SiteURLs, index: Int) -> ArticleSummary {
        ArticleSummary(
            title: article.meta.title, url: urls.path(article.route), description: article.meta.description ?? "",
            date: date(article.meta.date), category: categoryLink(site: site, urls: urls, index: index),
            tags: tagLinks(site: site, urls: urls, index: index),
            readingTime: ReadingTime(words: article.wordCount).text,
            image: article.imageURL.map { ImageView(url: $0, alt: article.meta.imageAlt ?? "") },
            draft: article.meta.draft
        )
    }

    /// The `<head>` of a page that is not an article.
    func meta(title: String, description: String, route: String, feeds: [FeedLink] = []) -> PageMeta {
        PageMeta(
            title: title == site.config.title ? title : "\(title) · \(site.config.title)",
            description: description.isEmpty ? site.config.description : description,
            canonicalURL: urls.absolute(route), ogType: "website", imageURL: nil, imageAlt: nil,
            twitterCard: "summary", feeds: siteFeeds + feeds, jsonLD: nil,
            previousURL: nil, nextURL: nil, publishedTime: nil, modifiedTime: nil
        )
    }

    func context(page: PageMeta) -> PageContext {
        PageContext(site: siteView, page: page, article: nil, list: nil, terms: nil, archive: nil, redirect: nil)
    }
}

/// Reading time at 230 words a minute, at least one minute.
struct ReadingTime {
    let minutes: Int
    init(words: Int) { minutes = max(1, (words + 115) / 230) }
    var text: String { "\(minutes) min read" }
}

/// Where the site-wide feeds live.
enum FeedRoutes {
    static let rss = "feed.xml"
    static let atom = "atom.xml"
    static let json = "feed.json"
}
