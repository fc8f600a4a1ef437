/// The assemble stage: orders articles, builds tags and categories, related lists, and checks categories.
struct SiteAssembler {
    let config: SiteConfig

    func assemble(_ parsed: [Article], data: SiteData = SiteData()) async -> (Site, [Diagnostic]) {
        let (site, diagnostics, _) = await assemble(parsed, data: data, cache: AssembleCache())
        return (site, diagnostics)
    }

    /// `assemble`, taking the related-article lists from `cache` when the taxonomy they are ranked from
    /// is the same.
    func assemble(_ parsed: [Article], data: SiteData, cache: AssembleCache) async -> (Site, [Diagnostic], AssembleCache) {
        // Places sorted, not articles: an article is a large value, and a one-off build's parse already
        // hands them over in this order.
        let articles = parsed.indices.sorted { Article.newestFirst(parsed[$0], parsed[$1]) }.map { parsed[$0] }
        let tags = TaxonomyBuilder(kind: .tag).build(articles) { $0.meta.tags }
        let categories = TaxonomyBuilder(kind: .category).build(articles) { $0.meta.category.map { [$0] } ?? [] }
        let diagnostics = tags.diagnostics + categories.diagnostics + checkCategories(articles)
        let key = AssembleCache.Key(tags: tags.perArticle, categories: categories.perArticle, limit: config.relatedCount)
        let related: [[Int]]
        if let cached = cache.related, cache.key == key {
            related = cached
        } else {
            related = await RelatedArticles(limit: config.relatedCount, workers: config.workers).rank(.init(
                tags: tags.perArticle, tagTerms: tags.terms, categories: categories.perArticle, categoryTerms: categories.terms))
        }
        let site = Site(
            config: config, articles: articles, tags: tags.terms, categories: categories.terms,
            articleTags: tags.perArticle, articleCategory: categories.perArticle.map(\.first), related: related, data: data)
        return (site, diagnostics, AssembleCache(key: key, related: related))
    }

    /// When the config lists the allowed categories, any other is an error.
    private func checkCategories(_ articles: [Article]) -> [Diagnostic] {
        guard !config.categories.isEmpty else { return [] }
        let allowed = Set(config.categories.map(Slug.make))
        return articles.compactMap { article in
            guard let category = article.meta.category, !allowed.contains(Slug.make(category)) else { return nil }
            let position = article.meta.positions["category"]
            let hint = Suggestion.didYouMean(category, in: config.categories)
            return Diagnostic(.error, file: article.path, line: position?.line, column: position?.column,
                              message: "unknown category '\(category)' (sitegen.yaml allows: \(config.categories.joined(separator: ", ")))\(hint)")
        }
    }
}
