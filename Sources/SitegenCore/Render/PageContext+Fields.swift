/// Field access by name for templates, without reflection: the template engine asks a view model for
/// `title` or `articles` thousands of times per build, and a `switch` answers far faster than `Mirror`.
/// `TemplateFieldsTests` checks that every stored property is reachable here.
protocol TemplateFields: Sendable {
    /// The value of the property called `name`, or nil when there is none (or it is nil).
    func field(_ name: String) -> TemplateValue?
}

extension PageContext: TemplateFields {
    /// Every field, by name: the page's top-level models.
    static let fields: [(name: String, value: @Sendable (PageContext) -> TemplateValue?)] = [
        ("site", { TemplateValue($0.site) }), ("page", { TemplateValue($0.page) }), ("article", { TemplateValue($0.article) }),
        ("list", { TemplateValue($0.list) }), ("terms", { TemplateValue($0.terms) }), ("archive", { TemplateValue($0.archive) }),
        ("redirect", { TemplateValue($0.redirect) }),
    ]

    func field(_ name: String) -> TemplateValue? {
        Self.fields.first { $0.name == name }?.value(self)
    }
}

extension SiteView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "title": return TemplateValue(self.title)
        case "description": return TemplateValue(self.description)
        case "language": return TemplateValue(self.language)
        case "baseURL": return TemplateValue(self.baseURL)
        case "homeURL": return TemplateValue(self.homeURL)
        case "author": return TemplateValue(self.author)
        case "stylesheetURL": return TemplateValue(self.stylesheetURL)
        case "rssURL": return TemplateValue(self.rssURL)
        case "atomURL": return TemplateValue(self.atomURL)
        case "jsonFeedURL": return TemplateValue(self.jsonFeedURL)
        case "tagsURL": return TemplateValue(self.tagsURL)
        case "categoriesURL": return TemplateValue(self.categoriesURL)
        case "archiveURL": return TemplateValue(self.archiveURL)
        case "searchURL": return TemplateValue(self.searchURL)
        case "navigation": return TemplateValue(self.navigation)
        case "copyrightYear": return TemplateValue(self.copyrightYear)
        case "preview": return TemplateValue(self.preview)
        default: return nil
        }
    }
}

extension PreviewView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "text": return TemplateValue(self.text)
        case "label": return TemplateValue(self.label)
        default: return nil
        }
    }
}

extension PageMeta: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "title": return TemplateValue(self.title)
        case "description": return TemplateValue(self.description)
        case "canonicalURL": return TemplateValue(self.canonicalURL)
        case "ogType": return TemplateValue(self.ogType)
        case "imageURL": return TemplateValue(self.imageURL)
        case "imageAlt": return TemplateValue(self.imageAlt)
        case "twitterCard": return TemplateValue(self.twitterCard)
        case "feeds": return TemplateValue(self.feeds)
        case "jsonLD": return TemplateValue(self.jsonLD)
        case "previousURL": return TemplateValue(self.previousURL)
        case "nextURL": return TemplateValue(self.nextURL)
        case "publishedTime": return TemplateValue(self.publishedTime)
        case "modifiedTime": return TemplateValue(self.modifiedTime)
        default: return nil
        }
    }
}

extension FeedLink: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "title": return TemplateValue(self.title)
        case "url": return TemplateValue(self.url)
        case "type": return TemplateValue(self.type)
        default: return nil
        }
    }
}

extension TermLink: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "name": return TemplateValue(self.name)
        case "url": return TemplateValue(self.url)
        default: return nil
        }
    }
}

extension DateView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "iso": return TemplateValue(self.iso)
        case "display": return TemplateValue(self.display)
        default: return nil
        }
    }
}

extension ImageView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "url": return TemplateValue(self.url)
        case "alt": return TemplateValue(self.alt)
        default: return nil
        }
    }
}

extension TocEntry: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "id": return TemplateValue(self.id)
        case "text": return TemplateValue(self.text)
        case "children": return TemplateValue(self.children)
        default: return nil
        }
    }
}

extension ArticleView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "title": return TemplateValue(self.title)
        case "description": return TemplateValue(self.description)
        case "url": return TemplateValue(self.url)
        case "permalink": return TemplateValue(self.permalink)
        case "date": return TemplateValue(self.date)
        case "updated": return TemplateValue(self.updated)
        case "author": return TemplateValue(self.author)
        case "category": return TemplateValue(self.category)
        case "tags": return TemplateValue(self.tags)
        case "hasTags": return TemplateValue(self.hasTags)
        case "image": return TemplateValue(self.image)
        case "wordCount": return TemplateValue(self.wordCount)
        case "readingMinutes": return TemplateValue(self.readingMinutes)
        case "readingTime": return TemplateValue(self.readingTime)
        case "toc": return TemplateValue(self.toc)
        case "hasToc": return TemplateValue(self.hasToc)
        case "content": return TemplateValue(self.content)
        case "previous": return TemplateValue(self.previous)
        case "next": return TemplateValue(self.next)
        case "related": return TemplateValue(self.related)
        case "hasRelated": return TemplateValue(self.hasRelated)
        case "draft": return TemplateValue(self.draft)
        default: return nil
        }
    }
}

extension ArticleLink: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "title": return TemplateValue(self.title)
        case "url": return TemplateValue(self.url)
        default: return nil
        }
    }
}

extension ArticleSummary: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "title": return TemplateValue(self.title)
        case "url": return TemplateValue(self.url)
        case "description": return TemplateValue(self.description)
        case "date": return TemplateValue(self.date)
        case "category": return TemplateValue(self.category)
        case "tags": return TemplateValue(self.tags)
        case "readingTime": return TemplateValue(self.readingTime)
        case "image": return TemplateValue(self.image)
        case "draft": return TemplateValue(self.draft)
        default: return nil
        }
    }
}

extension ListView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "heading": return TemplateValue(self.heading)
        case "description": return TemplateValue(self.description)
        case "kind": return TemplateValue(self.kind)
        case "articles": return TemplateValue(self.articles)
        case "pagination": return TemplateValue(self.pagination)
        case "feedURL": return TemplateValue(self.feedURL)
        default: return nil
        }
    }
}

extension PaginationView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "current": return TemplateValue(self.current)
        case "total": return TemplateValue(self.total)
        case "previousURL": return TemplateValue(self.previousURL)
        case "nextURL": return TemplateValue(self.nextURL)
        case "pages": return TemplateValue(self.pages)
        default: return nil
        }
    }
}

extension PageLink: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "number": return TemplateValue(self.number)
        case "url": return TemplateValue(self.url)
        case "isCurrent": return TemplateValue(self.isCurrent)
        case "isGap": return TemplateValue(self.isGap)
        default: return nil
        }
    }
}

extension TermsView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "heading": return TemplateValue(self.heading)
        case "kind": return TemplateValue(self.kind)
        case "items": return TemplateValue(self.items)
        default: return nil
        }
    }
}

extension TermSummary: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "name": return TemplateValue(self.name)
        case "url": return TemplateValue(self.url)
        case "count": return TemplateValue(self.count)
        case "countText": return TemplateValue(self.countText)
        default: return nil
        }
    }
}

extension ArchiveView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "heading": return TemplateValue(self.heading)
        case "years": return TemplateValue(self.years)
        default: return nil
        }
    }
}

extension ArchiveYear: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "year": return TemplateValue(self.year)
        case "count": return TemplateValue(self.count)
        case "articles": return TemplateValue(self.articles)
        default: return nil
        }
    }
}

extension RedirectView: TemplateFields {
    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "target": return TemplateValue(self.target)
        case "title": return TemplateValue(self.title)
        default: return nil
        }
    }
}
