import Foundation

/// RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents. Dates come from the entries, never from the clock.
struct FeedWriter: Sendable {
    let models: ViewModels

    private var site: Site { models.site }
    private var urls: SiteURLs { models.urls }

    /// Site feeds plus one Atom feed per tag and per category.
    func files() -> [OutputFile] {
        let newest = Array(site.articles.indices.prefix(limit(site.articles.count)))
        var files = [
            OutputFile(path: FeedRoutes.rss, text: rss(newest)),
            OutputFile(path: FeedRoutes.atom, text: atom(newest, title: site.config.title, selfRoute: FeedRoutes.atom, alternate: "")),
            OutputFile(path: FeedRoutes.json, text: jsonFeed(newest)),
        ]
        for kind in [TermKind.tag, .category] {
            for term in models.terms(kind) {
                let route = kind.route(term.slug)
                let entries = Array(term.articles.prefix(limit(term.articles.count)))
                let title = "\(site.config.title): \(term.name)"
                files.append(OutputFile(path: route + "atom.xml", text: atom(entries, title: title, selfRoute: route + "atom.xml", alternate: route)))
            }
        }
        return files
    }

    private func limit(_ count: Int) -> Int { site.config.feedLength == 0 ? count : min(count, site.config.feedLength) }

    private func author(_ article: Article) -> String {
        let name = article.meta.author ?? site.config.author
        return name.isEmpty ? site.config.title : name
    }

    private func rss(_ entries: [Int]) -> String {
        let config = site.config
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel>
            <title>\(config.title.xmlEscaped)</title>
            <link>\(urls.baseURL.xmlEscaped)</link>
            <description>\((config.description.isEmpty ? config.title : config.description).xmlEscaped)</description>
            <language>\(config.language.xmlEscaped)</language>
            <generator>sitegen</generator>
            <atom:link href="\(urls.absolute(FeedRoutes.rss).xmlEscaped)" rel="self" type="application/rss+xml"/>

            """
        if let first = entries.first { xml += "<lastBuildDate>\(lastModified(first).rfc822)</lastBuildDate>\n" }
        for index in entries {
            let article = site.articles[index]
            let link = urls.absolute(article.route).xmlEscaped
            xml += "<item>\n<title>\(article.meta.title.xmlEscaped)</title>\n<link>\(link)</link>\n<guid isPermaLink=\"true\">\(link)</guid>\n"
            xml += "<pubDate>\(article.meta.date.rfc822)</pubDate>\n<dc:creator>\(author(article).xmlEscaped)</dc:creator>\n"
            for tag in site.articleTags[index] { xml += "<category>\(site.tags[tag].name.xmlEscaped)</category>\n" }
            xml += "<description><![CDATA[\(absoluteLinks(article.html).cdataSafe)]]></description>\n</item>\n"
        }
        return xml + "</channel>\n</rss>\n"
    }

    private func atom(_ entries: [Int], title: String, selfRoute: String, alternate: String) -> String {
        let updated = entries.map { lastModified($0) }.max() ?? PublishDate.epoch
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(site.config.language.xmlEscaped)">
            <title>\(title.xmlEscaped)</title>

            """
        if !site.config.description.isEmpty { xml += "<subtitle>\(site.config.description.xmlEscaped)</subtitle>\n" }
        xml += "<id>\(urls.absolute(selfRoute).xmlEscaped)</id>\n"
        xml += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(urls.absolute(selfRoute).xmlEscaped)\"/>\n"
        xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(urls.absolute(alternate).xmlEscaped)\"/>\n"
        xml += "<updated>\(updated.rfc3339)</updated>\n<generator>sitegen</generator>\n"
        for index in entries { xml += atomEntry(index) }
        return xml + "</feed>\n"
    }

    private func atomEntry(_ index: Int) -> String {
        let article = site.articles[index]
        let link = urls.absolute(article.route).xmlEscaped
        var xml = "<entry>\n<title>\(article.meta.title.xmlEscaped)</title>\n<id>\(link)</id>\n"
        xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(link)\"/>\n"
        xml += "<published>\(article.meta.date.rfc3339)</published>\n<updated>\(lastModified(index).rfc3339)</updated>\n"
        xml += "<author><name>\(author(article).xmlEscaped)</name></author>\n"
        for tag in site.articleTags[index] {
            xml += "<category term=\"\(site.tags[tag].slug.xmlEscaped)\" label=\"\(site.tags[tag].name.xmlEscaped)\"/>\n"
        }
        if let description = article.meta.description, !description.isEmpty { xml += "<summary>\(description.xmlEscaped)</summary>\n" }
        xml += "<content type=\"html\">\(absoluteLinks(article.html).xmlEscaped)</content>\n</entry>\n"
        return xml
    }

    private func lastModified(_ index: Int) -> PublishDate {
        let meta = site.articles[index].meta
        return max(meta.updated ?? meta.date, meta.date)
    }

    /// Feed readers have no page URL to resolve against, so root-relative links become absolute.
    func absoluteLinks(_ html: String) -> String {
        html.replacingOccurrences(of: " href=\"/", with: " href=\"\(urls.origin)/")
            .replacingOccurrences(of: " src=\"/", with: " src=\"\(urls.origin)/")
            .replacingOccurrences(of: "\"\(urls.origin)//", with: "\"//")
    }
}

extension PublishDate {
    /// 1970-01-01, the updated time of a feed with no entries.
    static let epoch = PublishDate(year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, offsetSeconds: 0, hasTime: true)
}
