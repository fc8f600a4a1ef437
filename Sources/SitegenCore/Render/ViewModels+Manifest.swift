extension ViewModels {
    /// The manifest entry of a page rendered from a template (its hash is the caller's).
    func manifestEntry(for job: PageJob) -> Manifest.Entry {
        let (kind, title, articles) = describe(job)
        return Manifest.Entry(path: Routes.outputPath(job.route), kind: kind, title: title, url: urls.path(job.route),
                              sources: articles.map { site.articles[$0].path })
    }

    /// The kind, title and listed articles of a page.
    private func describe(_ job: PageJob) -> (Manifest.Kind, String, [Int]) {
        let size = site.config.pageSize
        func slice(_ items: some Collection<Int>, _ page: Int) -> [Int] { Array(items.dropFirst((page - 1) * size).prefix(size)) }
        func paged(_ title: String, _ page: Int) -> String { page == 1 ? title : "\(title) — page \(page)" }
        switch job.kind {
        case .article(let index):
            return (.article, site.articles[index].meta.title, [index])
        case .home(let page):
            return (.home, paged("Home", page), slice(site.articles.indices, page))
        case .term(let kind, let index, let page):
            let term = terms(kind)[index]
            return (kind == .tag ? .tag : .category, paged("\(kind.title): \(term.name)", page), slice(term.articles, page))
        case .termIndex(let kind):
            let listed = Set(terms(kind).flatMap(\.articles)).sorted()
            return (kind == .tag ? .tagsIndex : .categoriesIndex, kind.plural, listed)
        case .archive:
            return (.archive, "Archive", Array(site.articles.indices))
        case .notFound:
            return (.notFound, "Page not found", [])
        case .search:
            return (.search, "Search", [])
        case .redirect(let index, _):
            return (.redirect, "Redirect to \(site.articles[index].meta.title)", [index])
        }
    }
}
