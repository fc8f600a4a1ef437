import Foundation
import SitegenMarkdown
import SitegenText

extension ViewModels {
    /// The full context of article `index`'s page.
    func articlePage(_ index: Int) -> PageContext {
        articlePage(index, site.articles[index])
    }

    /// `articlePage(_:)` with the article borrowed from the site: a copy of it would retain every string it holds.
    private func articlePage(_ index: Int, _ article: borrowing Article) -> PageContext {
        let toc = Self.tableOfContents(article.headings)
        let related = site.related[index].map { summaries[$0] }
        let view = ArticleView(
            title: article.meta.title, description: article.meta.description ?? "", url: urls.path(article.route),
            permalink: urls.absolute(article.route), date: Self.date(article.meta.date), updated: article.meta.updated.map(Self.date),
            author: article.meta.author ?? site.config.author, category: Self.categoryLink(site: site, urls: urls, index: index),
            tags: Self.tagLinks(site: site, urls: urls, index: index), hasTags: !site.articleTags[index].isEmpty,
            image: summaries[index].image, wordCount: article.wordCount,
            readingMinutes: ReadingTime(words: article.wordCount).minutes, readingTime: summaries[index].readingTime,
            toc: toc, hasToc: !toc.isEmpty, content: HTMLText(utf8: site.htmlUTF8(of: index)),
            previous: index + 1 < site.articles.count ? link(index + 1) : nil,
            next: index > 0 ? link(index - 1) : nil,
            related: related, hasRelated: !related.isEmpty, draft: article.meta.draft
        )
        var context = self.context(page: articleMeta(index, article))
        context.article = view
        return context
    }

    private func link(_ index: Int) -> ArticleLink {
        ArticleLink(title: site.articles[index].meta.title, url: urls.path(site.articles[index].route))
    }

    private func articleMeta(_ index: Int, _ article: borrowing Article) -> PageMeta {
        var meta = self.meta(title: article.meta.title, description: article.meta.description ?? "", route: article.route)
        meta.ogType = "article"
        meta.imageURL = article.imageURL.map(urls.absolute(url:))
        meta.imageAlt = article.imageURL == nil ? nil : article.meta.imageAlt ?? ""
        meta.twitterCard = article.imageURL == nil ? "summary" : "summary_large_image"
        meta.publishedTime = article.meta.date.rfc3339
        meta.modifiedTime = article.meta.updated?.rfc3339
        meta.jsonLD = jsonLD(index, imageURL: meta.imageURL)
        return meta
    }

    /// h2 entries with their h3 children; an h3 before any h2 stands on its own.
    static func tableOfContents(_ headings: [Heading]) -> [TocEntry] {
        var entries: [TocEntry] = []
        for heading in headings where heading.level == 2 || heading.level == 3 {
            let entry = TocEntry(id: heading.id, text: heading.text, children: [])
            if heading.level == 3, !entries.isEmpty {
                entries[entries.count - 1].children.append(entry)
            } else {
                entries.append(entry)
            }
        }
        return entries
    }

    /// schema.org `BlogPosting`, written with sorted keys and `/` escaped, and `<` as `\u003c` so
    /// `</script>` cannot occur.
    private func jsonLD(_ index: Int, imageURL: String?) -> String {
        let article = site.articles[index]
        let author = article.meta.author ?? site.config.author
        let tags = site.articleTags[index]
        let posting = JSONText.object([
            "@context": .string("https://schema.org"), "@type": .string("BlogPosting"),
            "headline": .string(article.meta.title), "description": article.meta.description.map(JSONText.string),
            "datePublished": .string(article.meta.date.rfc3339),
            "dateModified": .string((article.meta.updated ?? article.meta.date).rfc3339),
            "author": author.isEmpty ? nil : .object(["@type": .string("Person"), "name": .string(author)]),
            "image": imageURL.map(JSONText.string), "url": .string(urls.absolute(article.route)),
            "mainEntityOfPage": .object(["@type": .string("WebPage"), "@id": .string(urls.absolute(article.route))]),
            "keywords": tags.isEmpty ? nil : .string(tags.map { site.tags[$0].name }.joined(separator: ", ")),
            "articleSection": Self.categoryLink(site: site, urls: urls, index: index).map { .string($0.name) },
            "wordCount": .int(article.wordCount), "inLanguage": .string(site.config.language),
        ])
        return Self.scriptSafe.apply(to: posting.serialized)
    }

    /// JSON inside `<script>`: `<` as `\u003c`, so no `</script>` in a value can end the element.
    private static let scriptSafe = TextReplacement([("<", "\\u003c")])
}

