import Foundation
import SitegenText

/// RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents. Dates come from the entries, never from the clock.
struct FeedWriter: Sendable {
    let models: ViewModels
    /// Feed readers have no page URL to resolve against, so root-relative links become absolute; they run
    /// no scripts, so the decision helper's script is dropped (its guidance stays readable without it).
    private let absolutize: TextReplacement
    /// `absolutize` and XML escaping in one pass, for the Atom and RSS entries.
    private let escaping: FeedEscaping

    init(models: ViewModels) {
        self.models = models
        let origin = models.urls.origin
        let helperScript = DecisionHelperHTML.scriptTag(models.site.config.basePath + DecisionHelperHTML.scriptPath)
        absolutize = TextReplacement(FeedEscaping.pairs(origin: origin, droppedTag: helperScript))
        escaping = FeedEscaping(origin: origin, droppedTag: helperScript)
    }

    private var site: Site { models.site }
    private var urls: SiteURLs { models.urls }

    /// One feed to write: its path, title, entries (article indices) and the page it stands for.
    fileprivate struct Feed: Sendable {
        let path: String
        let title: String
        let entries: [Int]
        let alternate: String
    }

    /// One feed with the key of what it is written from, and its file when the cache already holds it.
    struct Planned: Sendable {
        fileprivate let feed: Feed
        let key: FeedCache.Key
        let cached: OutputFile?
        var path: String { feed.path }
    }

    /// Site feeds plus one Atom feed per tag and per category, written in parallel. A feed whose key (title,
    /// page, entry revisions and tags) equals the one in `cache` is taken from it. `edited`: the site is the
    /// cache's but for edits of these articles that keep its shape, so a feed without them keeps its cached key.
    func files(cache: FeedCache = FeedCache(), edited: Set<Int>? = nil) async -> ([OutputFile], FeedCache) {
        let planned = plan(cache: cache, edited: edited)
        var entries = escapedEntries(for: planned)
        let files = await files(planned[...], entries: &entries)
        return (files, Self.cache(planned, files: files, config: site.config))
    }

    /// Every feed to write, in order, each with its key and, when unchanged, the cached file.
    func plan(cache: FeedCache = FeedCache(), edited: Set<Int>? = nil) -> [Planned] {
        let newest = Array(site.articles.indices.prefix(limit(site.articles.count)))
        var feeds = [
            Feed(path: FeedRoutes.rss, title: site.config.title, entries: newest, alternate: ""),
            Feed(path: FeedRoutes.json, title: site.config.title, entries: newest, alternate: ""),
            Feed(path: FeedRoutes.atom, title: site.config.title, entries: newest, alternate: ""),
        ]
        for kind in [TermKind.tag, .category] {
            for term in models.terms(kind) {
                let route = kind.route(term.slug)
                feeds.append(Feed(path: route + "atom.xml", title: "\(site.config.title): \(term.name)",
                                  entries: Array(term.articles.prefix(limit(term.articles.count))), alternate: route))
            }
        }
        let valid = cache.config == site.config ? cache.feeds : [:]
        return feeds.map { feed in
            let cached = valid[feed.path]
            if let edited, let cached, !feed.entries.contains(where: edited.contains) { return Planned(feed: feed, key: cached.key, cached: cached.file) }
            let key = key(feed)
            return Planned(feed: feed, key: key, cached: cached?.key == key ? cached?.file : nil)
        }
    }

    /// Entries' content escaped for the feeds, shared by the slices they are written in: each entry is escaped
    /// once, and dropped once the last feed that shows it is written (feeds of tags that share articles share
    /// them; a large site's feeds do not hold every entry at once).
    struct EscapedEntries: Sendable {
        /// UTF-8, as the feeds are written: a large site's entries are never made into Strings.
        fileprivate var content: [Int: [UInt8]] = [:]
        /// Each entry's Atom markup up to its content (`atomEntryHead`), the same in every Atom feed that shows it.
        fileprivate var atomHeads: [Int: [UInt8]] = [:]
        /// Per entry, how many feeds still to be written show it.
        fileprivate var pending: [Int: Int] = [:]
    }

    /// The entries the feeds of `planned` to be written will show.
    func escapedEntries(for planned: some Sequence<Planned>) -> EscapedEntries {
        var entries = EscapedEntries()
        for feed in planned where feed.cached == nil && feed.path != FeedRoutes.json {
            for index in feed.feed.entries { entries.pending[index, default: 0] += 1 }
        }
        return entries
    }

    /// The files of `planned`, a slice of the feeds `entries` was made for, in order: cached ones as they are,
    /// the others written in parallel.
    func files(_ planned: ArraySlice<Planned>, entries: inout EscapedEntries) async -> [OutputFile] {
        let stale = planned.filter { $0.cached == nil }.map(\.feed)
        let showing = stale.filter { $0.path != FeedRoutes.json }
        let missing = Set(showing.flatMap(\.entries)).subtracting(entries.content.keys).sorted()
        let escaped = await missing.parallelMap(workers: site.config.workers) { [self] index in
            (site.htmlUTF8(of: index).withUnsafeBufferPointer(escaping.escaped), Array(atomEntryHead(index).utf8))
        }
        for (index, (text, head)) in zip(missing, escaped) {
            entries.content[index] = text
            entries.atomHeads[index] = head
        }
        let shown = entries
        let written = await stale.parallelMap(workers: site.config.workers) { [self] feed in
            OutputFile(path: feed.path, contents: .bytes(Data(bytes(of: feed, entries: shown))))
        }
        for index in showing.flatMap(\.entries) {
            let pending = entries.pending[index, default: 1] - 1
            entries.pending[index] = pending > 0 ? pending : nil
            if pending <= 0 {
                entries.content[index] = nil
                entries.atomHeads[index] = nil
            }
        }
        var next = written.makeIterator()
        return planned.map { $0.cached ?? next.next()! }
    }

    /// The cache of feeds `planned` written as `files`; fresh are those not taken from the cache.
    static func cache(_ planned: [Planned], files: [OutputFile], config: SiteConfig) -> FeedCache {
        var cache = FeedCache(config: config)
        for (feed, file) in zip(planned, files) { cache.feeds[feed.path] = .init(key: feed.key, file: file, fresh: feed.cached == nil) }
        return cache
    }

    private func bytes(of feed: Feed, entries: EscapedEntries) -> [UInt8] {
        switch feed.path {
        case FeedRoutes.rss: return rss(feed.entries, content: entries.content)
        case FeedRoutes.json: return Array(jsonFeed(feed.entries).utf8)
        default: return atom(feed, entries: entries)
        }
    }

    /// Everything a feed's bytes depend on besides the config (checked once for all feeds).
    private func key(_ feed: Feed) -> FeedCache.Key {
        FeedCache.Key(title: feed.title, alternate: feed.alternate, entries: feed.entries.map { index in
            FeedCache.Entry(revision: site.articles[index].revision, tags: site.articleTags[index].flatMap { [site.tags[$0].slug, site.tags[$0].name] })
        })
    }

    private func limit(_ count: Int) -> Int { site.config.feedLength == 0 ? count : min(count, site.config.feedLength) }

    private func author(_ article: Article) -> String {
        let name = article.meta.author ?? site.config.author
        return name.isEmpty ? site.config.title : name
    }

    private func rss(_ entries: [Int], content: [Int: [UInt8]]) -> [UInt8] {
        let config = site.config
        var xml = [UInt8]()
        xml.reserveCapacity(entries.reduce(1024) { $0 + 1024 + (content[$1]?.count ?? 0) })
        xml += """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel>
            <title>\(config.title.xmlEscaped)</title>
            <link>\(urls.baseURL.xmlEscaped)</link>
            <description>\((config.description.isEmpty ? config.title : config.description).xmlEscaped)</description>
            <language>\(config.language.xmlEscaped)</language>
            <generator>sitegen</generator>
            <atom:link href="\(urls.absolute(FeedRoutes.rss).xmlEscaped)" rel="self" type="application/rss+xml"/>

            """.utf8
        if let newest = entries.map({ site.articles[$0].meta.lastModified }).max() { xml += "<lastBuildDate>\(newest.rfc822)</lastBuildDate>\n".utf8 }
        for index in entries {
            let article = site.articles[index]
            let link = urls.absolute(article.route).xmlEscaped
            xml += "<item>\n<title>\(article.meta.title.xmlEscaped)</title>\n<link>\(link)</link>\n<guid isPermaLink=\"true\">\(link)</guid>\n".utf8
            xml += "<pubDate>\(article.meta.date.rfc822)</pubDate>\n<dc:creator>\(author(article).xmlEscaped)</dc:creator>\n".utf8
            for tag in site.articleTags[index] { xml += "<category>\(site.tags[tag].name.xmlEscaped)</category>\n".utf8 }
            xml += "<description>".utf8
            xml += content[index] ?? []
            xml += "</description>\n</item>\n".utf8
        }
        xml += "</channel>\n</rss>\n".utf8
        return xml
    }

    private func atom(_ feed: Feed, entries: EscapedEntries) -> [UInt8] {
        let updated = feed.entries.map { site.articles[$0].meta.lastModified }.max() ?? PublishDate.epoch
        let entryEnd = "</content>\n</entry>\n".utf8
        var xml = [UInt8]()
        // Sized once: entries of whole articles make a feed of megabytes, which growing by doubling copies over and over.
        xml.reserveCapacity(feed.entries.reduce(1024) { size, index in
            size + (entries.atomHeads[index]?.count ?? 0) + (entries.content[index]?.count ?? 0) + entryEnd.count
        })
        xml += """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(site.config.language.xmlEscaped)">
            <title>\(feed.title.xmlEscaped)</title>

            """.utf8
        if !site.config.description.isEmpty { xml += "<subtitle>\(site.config.description.xmlEscaped)</subtitle>\n".utf8 }
        xml += "<id>\(urls.absolute(feed.path).xmlEscaped)</id>\n".utf8
        xml += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(urls.absolute(feed.path).xmlEscaped)\"/>\n".utf8
        xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(urls.absolute(feed.alternate).xmlEscaped)\"/>\n".utf8
        xml += "<updated>\(updated.rfc3339)</updated>\n<generator>sitegen</generator>\n".utf8
        for index in feed.entries {
            xml += entries.atomHeads[index] ?? Array(atomEntryHead(index).utf8)
            xml += entries.content[index] ?? []
            xml += entryEnd
        }
        xml += "</feed>\n".utf8
        return xml
    }

    /// An entry up to its content's start tag.
    private func atomEntryHead(_ index: Int) -> String {
        let article = site.articles[index]
        let link = urls.absolute(article.route).xmlEscaped
        var xml = "<entry>\n<title>\(article.meta.title.xmlEscaped)</title>\n<id>\(link)</id>\n"
        xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(link)\"/>\n"
        xml += "<published>\(article.meta.date.rfc3339)</published>\n<updated>\(article.meta.lastModified.rfc3339)</updated>\n"
        xml += "<author><name>\(author(article).xmlEscaped)</name></author>\n"
        for tag in site.articleTags[index] {
            xml += "<category term=\"\(site.tags[tag].slug.xmlEscaped)\" label=\"\(site.tags[tag].name.xmlEscaped)\"/>\n"
        }
        if let description = article.meta.description, !description.isEmpty { xml += "<summary>\(description.xmlEscaped)</summary>\n" }
        xml += "<content type=\"html\">"
        return xml
    }

    func absoluteLinks(_ html: String) -> String {
        absolutize.apply(to: html)
    }
}

extension PublishDate {
    /// 1970-01-01, the updated time of a feed with no entries.
    static let epoch = PublishDate(year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, offsetSeconds: 0, hasTime: true)
}
