/// One page to render: where it goes and what it shows.
struct PageJob: Sendable {
    enum Kind: Sendable {
        case article(Int)
        case home(page: Int)
        case term(TermKind, Int, page: Int)
        case termIndex(TermKind)
        case archive
        case notFound
        /// The search page (when search is on).
        case search
        case redirect(article: Int, alias: String)
    }
    let kind: Kind
    let route: String
    let template: String
}

extension ViewModels {
    func terms(_ kind: TermKind) -> [Term] { kind == .tag ? site.tags : site.categories }

    /// Every page of the site, in a fixed order.
    func jobs() -> [PageJob] {
        var jobs = site.articles.indices.map { PageJob(kind: .article($0), route: site.articles[$0].route, template: "article") }
        for page in 1...pageCount(site.articles.count) {
            jobs.append(PageJob(kind: .home(page: page), route: Routes.page(page, of: ""), template: "list"))
        }
        for kind in [TermKind.tag, .category] {
            jobs.append(PageJob(kind: .termIndex(kind), route: kind.indexRoute, template: "terms"))
            for (index, term) in terms(kind).enumerated() {
                for page in 1...pageCount(term.articles.count) {
                    jobs.append(PageJob(kind: .term(kind, index, page: page), route: Routes.page(page, of: kind.route(term.slug)), template: "list"))
                }
            }
        }
        jobs.append(PageJob(kind: .archive, route: "archive/", template: "archive"))
        jobs.append(PageJob(kind: .notFound, route: "404.html", template: "404"))
        if site.config.search { jobs.append(PageJob(kind: .search, route: SearchFiles.route, template: "search")) }
        for (index, article) in site.articles.enumerated() {
            for alias in article.meta.aliases {
                jobs.append(PageJob(kind: .redirect(article: index, alias: alias), route: Routes.alias(alias), template: "redirect"))
            }
        }
        return jobs
    }

    func pageCount(_ items: Int) -> Int { max(1, (items + site.config.pageSize - 1) / site.config.pageSize) }

    func context(for job: PageJob) -> PageContext {
        switch job.kind {
        case .article(let index): return articlePage(index)
        case .home(let page): return homePage(page)
        case .term(let kind, let index, let page): return termPage(kind, index, page: page)
        case .termIndex(let kind): return termIndex(kind)
        case .archive: return archivePage()
        case .notFound: return notFoundPage()
        case .search: return searchPage()
        case .redirect(let index, let alias): return redirectPage(index, alias: alias)
        }
    }

    /// Whether the page of `job` shows the summary, or the title and link, of any article at `indices`, so
    /// that an edit of them that keeps the site's shape and changes their summaries may change it (besides
    /// their own pages). Kept beside `context(for:)`: each case must name every article whose summary or
    /// title its context reads.
    func shows(_ job: PageJob, anyOf indices: Set<Int>) -> Bool {
        let size = site.config.pageSize
        func onPage(_ items: some Collection<Int>, _ page: Int) -> Bool {
            items.dropFirst((page - 1) * size).prefix(size).contains(where: indices.contains)
        }
        switch job.kind {
        case .article(let index):
            return indices.contains(index) || indices.contains(index - 1) || indices.contains(index + 1)
                || site.related[index].contains(where: indices.contains)
        case .home(let page): return onPage(site.articles.indices, page)
        case .term(let kind, let index, let page): return onPage(terms(kind)[index].articles, page)
        case .termIndex, .notFound, .search: return false
        case .archive: return true
        case .redirect(let index, _): return indices.contains(index)
        }
    }

    private func homePage(_ page: Int) -> PageContext {
        let title = page == 1 ? site.config.title : "\(site.config.title), page \(page)"
        var context = self.context(page: meta(title: title, description: site.config.description, route: Routes.page(page, of: "")))
        context.list = list(heading: page == 1 ? site.config.title : "Latest articles, page \(page)", kind: "home", items: site.articles.indices, page: page, route: "", feed: nil)
        applyPagination(&context)
        return context
    }

    private func termPage(_ kind: TermKind, _ index: Int, page: Int) -> PageContext {
        let term = terms(kind)[index]
        let route = kind.route(term.slug)
        let feed = FeedLink(title: "\(site.config.title): \(term.name) (Atom)", url: urls.path(route + "atom.xml"), type: "application/atom+xml")
        let heading = kind == .tag ? "Tagged “\(term.name)”" : "Category: \(term.name)"
        let title = page == 1 ? heading : "\(heading), page \(page)"
        let count = Self.articleCount(term.articles.count)
        var context = self.context(page: meta(title: title, description: "\(count) filed under \(kind.singular) \(term.name).", route: Routes.page(page, of: route), feeds: [feed]))
        context.list = list(heading: title, kind: kind.singular, items: term.articles, page: page, route: route, feed: feed.url)
        applyPagination(&context)
        return context
    }

    /// One page of a list; `items` are article indices, newest first (a range for the home page, so no page copies them all).
    private func list(heading: String, kind: String, items: some Collection<Int>, page: Int, route: String, feed: String?) -> ListView {
        let size = site.config.pageSize
        let total = pageCount(items.count)
        let slice = items.dropFirst((page - 1) * size).prefix(size).map { summaries[$0] }
        let pagination = total <= 1 ? nil : PaginationView(
            current: page, total: total,
            previousURL: page > 1 ? urls.path(Routes.page(page - 1, of: route)) : nil,
            nextURL: page < total ? urls.path(Routes.page(page + 1, of: route)) : nil,
            pages: PageLink.numbers(current: page, total: total).map { number in
                number.map { PageLink(number: $0, url: urls.path(Routes.page($0, of: route)), isCurrent: $0 == page) } ?? .gap
            }
        )
        return ListView(heading: heading, description: nil, kind: kind, articles: Array(slice), pagination: pagination, feedURL: feed)
    }

    private func applyPagination(_ context: inout PageContext) {
        context.page.previousURL = context.list?.pagination?.previousURL
        context.page.nextURL = context.list?.pagination?.nextURL
    }

    private func termIndex(_ kind: TermKind) -> PageContext {
        let items = terms(kind).map { term in
            TermSummary(name: term.name, url: urls.path(kind.route(term.slug)), count: term.articles.count,
                        countText: Self.articleCount(term.articles.count))
        }
        var context = self.context(page: meta(title: kind.plural, description: "All \(kind.plural.lowercased()) of \(site.config.title).", route: kind.indexRoute))
        context.terms = TermsView(heading: kind.plural, kind: kind.singular, items: items)
        return context
    }

    private func archivePage() -> PageContext {
        var years: [ArchiveYear] = []
        for (index, article) in site.articles.enumerated() {
            let year = String(article.meta.date.year)
            if years.last?.year != year { years.append(ArchiveYear(year: year, count: 0, articles: [])) }
            years[years.count - 1].articles.append(summaries[index])
            years[years.count - 1].count += 1
        }
        var context = self.context(page: meta(title: "Archive", description: "Every article of \(site.config.title), by year.", route: "archive/"))
        context.archive = ArchiveView(heading: "Archive", years: years)
        return context
    }

    private func notFoundPage() -> PageContext {
        self.context(page: meta(title: "Page not found", description: "", route: "404.html"))
    }

    private func searchPage() -> PageContext {
        self.context(page: meta(title: "Search", description: "Search the articles of \(site.config.title).", route: SearchFiles.route))
    }

    private func redirectPage(_ index: Int, alias: String) -> PageContext {
        let article = site.articles[index]
        var context = self.context(page: meta(title: article.meta.title, description: "", route: Routes.alias(alias)))
        context.redirect = RedirectView(target: urls.absolute(article.route), title: article.meta.title)
        return context
    }
}
