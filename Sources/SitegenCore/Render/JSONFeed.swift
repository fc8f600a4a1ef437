import Foundation

extension FeedWriter {
    /// JSON Feed 1.1 of the given articles, keys sorted for byte-stable output.
    func jsonFeed(_ entries: [Int]) -> String {
        let site = models.site, urls = models.urls
        let items = entries.map { index in
            let article = site.articles[index]
            let author = article.meta.author ?? site.config.author
            return JSONFeedDocument.Item(
                id: urls.absolute(article.route), url: urls.absolute(article.route), title: article.meta.title,
                content_html: absoluteLinks(site.html(of: index)), summary: article.meta.description,
                image: article.imageURL.map(urls.absolute(url:)), date_published: article.meta.date.rfc3339,
                date_modified: article.meta.updated?.rfc3339,
                authors: author.isEmpty ? nil : [.init(name: author)],
                tags: site.articleTags[index].isEmpty ? nil : site.articleTags[index].map { site.tags[$0].name }
            )
        }
        let document = JSONFeedDocument(
            version: "https://jsonfeed.org/version/1.1", title: site.config.title, home_page_url: urls.baseURL,
            feed_url: urls.absolute(FeedRoutes.json), description: site.config.description.isEmpty ? nil : site.config.description,
            language: site.config.language,
            authors: site.config.author.isEmpty ? nil : [.init(name: site.config.author)], items: items
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self) + "\n"
    }
}

/// https://www.jsonfeed.org/version/1.1/ — property names are the format's own.
private struct JSONFeedDocument: Encodable {
    struct Author: Encodable { let name: String }
    struct Item: Encodable {
        let id: String
        let url: String
        let title: String
        let content_html: String
        let summary: String?
        let image: String?
        let date_published: String
        let date_modified: String?
        let authors: [Author]?
        let tags: [String]?
    }
    let version: String
    let title: String
    let home_page_url: String
    let feed_url: String
    let description: String?
    let language: String
    let authors: [Author]?
    let items: [Item]
}
