import SitegenText

/// `sitemap.xml` and `robots.txt`.
struct SitemapWriter: Sendable {
    let models: ViewModels

    /// One `<url>` per indexable page (not the 404 page or redirects), with the newest date it shows.
    func sitemap(_ jobs: [PageJob]) -> OutputFile {
        let newest = NewestDates(site: models.site)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for job in jobs {
            guard let lastModified = newest.of(job) else { continue }
            xml += "<url><loc>\(models.urls.absolute(job.route).xmlEscaped)</loc>"
            if let lastModified { xml += "<lastmod>\(lastModified.rfc3339)</lastmod>" }
            xml += "</url>\n"
        }
        return OutputFile(path: "sitemap.xml", text: xml + "</urlset>\n")
    }

    /// Everything allowed, with the sitemap; a preview build disallows everything instead.
    func robots() -> OutputFile {
        if models.site.config.preview { return OutputFile(path: "robots.txt", text: "# A preview build: not for search engines.\nUser-agent: *\nDisallow: /\n") }
        return OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(models.urls.absolute("sitemap.xml"))\n")
    }
}

/// The newest change shown on each kind of page, computed once per site and per term.
private struct NewestDates {
    let site: Site
    let overall: PublishDate?
    let tags: [PublishDate?]
    let categories: [PublishDate?]

    init(site: Site) {
        self.site = site
        func newest(_ indices: [Int]) -> PublishDate? { indices.map { site.articles[$0].meta.lastModified }.max() }
        overall = site.articles.map(\.meta.lastModified).max()
        tags = site.tags.map { newest($0.articles) }
        categories = site.categories.map { newest($0.articles) }
    }

    /// nil: leave the page out; `.some(nil)`: list it without a date.
    func of(_ job: PageJob) -> PublishDate?? {
        switch job.kind {
        case .article(let index): return .some(site.articles[index].meta.lastModified)
        case .home, .termIndex, .archive: return .some(overall)
        case .term(.tag, let index, _): return .some(tags[index])
        case .term(.category, let index, _): return .some(categories[index])
        case .search: return .some(nil)
        case .notFound, .redirect: return nil
        }
    }
}
