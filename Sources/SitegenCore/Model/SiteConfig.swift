/// `sitegen.yaml`: site-wide settings. Every key has a default, so a folder with only `content/` builds.
public struct SiteConfig: Sendable, Hashable {
    public static let fileName = "sitegen.yaml"

    public var title = "My sitegen blog"
    /// Workers for per-item work, from `--jobs` (never from sitegen.yaml); nil for all cores.
    public var workers: Int?
    public var description = ""
    /// Absolute URL the site is published under, with a trailing slash.
    public var baseURL = "https://example.org/"
    /// BCP 47 tag for `<html lang>` and feeds.
    public var language = "en"
    /// Author used when an article names none.
    public var author = ""
    /// Articles per list page (home, tag and category pages).
    public var pageSize = 10
    /// Entries per feed; 0 means all.
    public var feedLength = 20
    /// Related articles shown under each article.
    public var relatedCount = 4
    /// Allowed categories; empty means any.
    public var categories: [String] = []
    public var markdown = MarkdownSettings()
    /// The search index under `/search/`, the search page and the search box in every page's header.
    public var search = true
    /// A preview build: every page carries a banner and `noindex`, and `robots.txt` disallows everything.
    public var preview = false
    /// Shown in the preview banner (a commit, a pull request).
    public var previewLabel: String?

    public init() {}

    /// `markdown:` settings.
    public struct MarkdownSettings: Sendable, Hashable {
        /// Keep raw HTML in articles instead of omitting it.
        public var unsafeHTML = false
        /// Curly quotes, dashes and ellipses.
        public var smartPunctuation = true
        /// Syntax highlighting of fenced code blocks with a known language.
        public var highlight = true
        public init() {}
    }

    /// The path part of `baseURL`, always starting and ending with `/` (`/` or `/pr-42/`).
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...].drop { $0 != "/" }
        var path = String(afterHost.prefix { $0 != "?" && $0 != "#" })
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// `baseURL` with exactly one trailing slash.
    public var normalizedBaseURL: String { baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
}
