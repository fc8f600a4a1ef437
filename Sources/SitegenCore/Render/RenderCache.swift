import Foundation

/// What one render keeps for the next: every page with the template and view model it came from, every
/// feed with the revisions of its entries, and the hash of every file.
struct RenderCache: Sendable {
    struct Page: Sendable {
        let template: String
        let context: PageContext
        let file: OutputFile
    }

    /// The templates the pages were rendered with: when they change, no page is reused.
    var templates: [String: Data] = [:]
    var pages: [String: Page] = [:]
    var feeds = FeedCache()
    /// The search index, for an edit of some articles (`ContentEdit`); nil when search is off.
    var search: SearchFiles.State?
    /// SHA-256 by output path.
    var hashes: [String: String] = [:]
    /// Output paths of the pages and feeds the last render wrote afresh (the others came from the cache).
    var rendered: Set<String> = []
}

/// Feeds by path, with what they were written from.
struct FeedCache: Sendable {
    /// One feed's inputs: its title and page, and per entry the article's revision and tags.
    struct Key: Sendable, Equatable {
        let title: String
        let alternate: String
        let entries: [Entry]
    }

    struct Entry: Sendable, Equatable {
        let revision: Int
        let tags: [String]
    }

    struct Feed: Sendable {
        let key: Key
        let file: OutputFile
        var fresh: Bool
    }

    /// The config and base URL the feeds were written with: when they change, no feed is reused.
    var config: SiteConfig?
    var feeds: [String: Feed] = [:]

    mutating func markReused() {
        for path in feeds.keys { feeds[path]?.fresh = false }
    }
}
