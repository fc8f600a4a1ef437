import SitegenText

/// `sitemap.xml` and `robots.txt`.
struct SitemapWriter: Sendable {
    let models: ViewModels

    /// One `<url>` per indexable page (not the 404 page or redirects), with the newest date it shows.
    func sitemap(_ jobs: [PageJob]) -> OutputFile {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for job in jobs {
            guard let lastModified = lastModified(job) else { continue }
            xml += "<url><loc>\(models.urls.absolute(job.route).xmlEscaped)</loc>"
            if let lastModified { xml += "<lastmod>\(lastModified.rfc3339)</lastmod>" }
            xml += "</url>\n"
        }
        return OutputFile(path: "sitemap.xml", text: xml + "</urlset>\n")
    }

    func robots() -> OutputFile {
        OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(models.urls.absolute("sitemap.xml"))\n")
    }

    /// nil: leave the page out; `.some(nil)`: list it without a date.
    private func lastModified(_ job: PageJob) -> PublishDate?? {
        let site = models.site
        func newest(_ indices: some Collection<Int>) -> PublishDate? {
            indices.map { site.articles[$0].meta.updated ?? site.articles[$0].meta.date }.max()
        }
        switch job.kind {
        case .article(let index): return .some(newest([index]))
        case .home: return .some(newest(site.articles.indices))
        case .term(let kind, let index, _): return .some(newest(models.terms(kind)[index].articles))
        case .termIndex, .archive: return .some(newest(site.articles.indices))
        case .notFound, .redirect: return nil
        }
    }
}
