/// Field access by name for templates, without reflection: the template engine asks a view model for
/// `title` or `articles` thousands of times per build, and a `switch` answers far faster than `Mirror`.
/// `TemplateFieldsTests` checks that every stored property is reachable here.
protocol TemplateFields: Sendable {
    /// The value of the property called `name`, or nil when there is none (or it is nil).
    func field(_ name: String) -> Any?
}

extension PageContext: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "site": return self.site
        case "page": return self.page
        case "article": return self.article
        case "list": return self.list
        case "terms": return self.terms
        case "archive": return self.archive
        case "redirect": return self.redirect
        default: return nil
        }
    }
}

extension SiteView: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "title": return self.title
        case "description": return self.description
        case "language": return self.language
        case "baseURL": return self.baseURL
        case "homeURL": return self.homeURL
        case "author": return self.author
        case "stylesheetURL": return self.stylesheetURL
        case "rssURL": return self.rssURL
        case "atomURL": return self.atomURL
        case "jsonFeedURL": return self.jsonFeedURL
        case "tagsURL": return self.tagsURL
        case "categoriesURL": return self.categoriesURL
        case "archiveURL": return self.archiveURL
        case "searchURL": return self.searchURL
        case "navigation": return self.navigation
        case "copyrightYear": return self.copyrightYear
        case "preview": return self.preview
        default: return nil
        }
    }
}

extension PreviewView: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "text": return self.text
        case "label": return self.label
        default: return nil
        }
    }
}

extension PageMeta: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "title": return self.title
        case "description": return self.description
        case "canonicalURL": return self.canonicalURL
        case "ogType": return self.ogType
        case "imageURL": return self.imageURL
        case "imageAlt": return self.imageAlt
        case "twitterCard": return self.twitterCard
        case "feeds": return self.feeds
        case "jsonLD": return self.jsonLD
        case "previousURL": return self.previousURL
        case "nextURL": return self.nextURL
        case "publishedTime": return self.publishedTime
        case "modifiedTime": return self.modifiedTime
        default: return nil
        }
    }
}

extension FeedLink: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "title": return self.title
        case "url": return self.url
        case "type": return self.type
        default: return nil
        }
    }
}

extension TermLink: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "url": return self.url
        default: return nil
        }
    }
}

extension DateView: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "iso": return self.iso
        case "display": return self.display
        default: return nil
        }
    }
}

extension ImageView: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "url": return self.url
        case "alt": return self.alt
        default: return nil
        }
    }
}

extension TocEntry: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "id": return self.id
        case "text": return self.text
        case "children": return self.children
        default: return nil
        }
    }
}

extension ArticleView: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "title": return self.title
        case "description": return self.description
        case "url": return self.url
        case "permalink": return self.permalink
        case "date": return self.date
        case "updated": return self.updated
        case "author": return self.author
        case "category": return self.category
        case "tags": return self.tags
        case "hasTags": return self.hasTags
        case "image": return self.image
        case "wordCount": return self.wordCount
        case "readingMinutes": return self.readingMinutes
        case "readingTime": return self.readingTime
        case "toc": return self.toc
        case "hasToc": return self.hasToc
        case "content": return self.content
        case "previous": return self.previous
        case "next": return self.next
        case "related": return self.related
        case "hasRelated": return self.hasRelated
        case "draft": return self.draft
        default: return nil
        }
    }
}

extension ArticleLink: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "title": return self.title
        case "url": return self.url
        default: return nil
        }
    }
}

extension ArticleSummary: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "title": return self.title
        case "url": return self.url
        case "description": return self.description
        case "date": return self.date
        case "category": return self.category
        case "tags": return self.tags
        case "readingTime": return self.readingTime
        case "image": return self.image
        case "draft": return self.draft
        default: return nil
        }
    }
}

extension ListView: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "heading": return self.heading
        case "description": return self.description
        case "kind": return self.kind
        case "articles": return self.articles
        case "pagination": return self.pagination
        case "feedURL": return self.feedURL
        default: return nil
        }
    }
}

extension PaginationView: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "current": return self.current
        case "total": return self.total
        case "previousURL": return self.previousURL
        case "nextURL": return self.nextURL
        case "pages": return self.pages
        default: return nil
        }
    }
}

extension PageLink: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "number": return self.number
        case "url": return self.url
        case "isCurrent": return self.isCurrent
        default: return nil
        }
    }
}

extension TermsView: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "heading": return self.heading
        case "kind": return self.kind
        case "items": return self.items
        default: return nil
        }
    }
}

extension TermSummary: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "url": return self.url
        case "count": return self.count
        case "countText": return self.countText
        default: return nil
        }
    }
}

extension ArchiveView: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "heading": return self.heading
        case "years": return self.years
        default: return nil
        }
    }
}

extension ArchiveYear: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "year": return self.year
        case "count": return self.count
        case "articles": return self.articles
        default: return nil
        }
    }
}

extension RedirectView: TemplateFields {
    func field(_ name: String) -> Any? {
        switch name {
        case "target": return self.target
        case "title": return self.title
        default: return nil
        }
    }
}
