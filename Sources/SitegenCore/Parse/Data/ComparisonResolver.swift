/// Completes comparisons whose columns come from articles (`options_from`): one column per published
/// article with the tag or category, ordered by title, its cells read from the article's `facts:`.
struct ComparisonResolver: Sendable {
    let basePath: String

    func resolve(_ sources: [ComparisonSource], articles: [ArticleSource]) -> ([Comparison], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let comparisons = sources.map { source -> Comparison in
            guard let from = source.optionsFrom else { return source.comparison }
            return resolve(source, from: from, articles: articles, diagnostics: &diagnostics)
        }
        return (comparisons, diagnostics)
    }

    private func resolve(_ source: ComparisonSource, from: ComparisonSource.OptionsFrom, articles: [ArticleSource], diagnostics: inout [Diagnostic]) -> Comparison {
        let wanted = Slug.make(from.name)
        let members = articles.filter { article in
            let names = from.kind == .tag ? article.meta.tags : article.meta.category.map { [$0] } ?? []
            return names.contains { Slug.make($0) == wanted }
        }.sorted { ($0.meta.title.lowercased(), $0.path) < ($1.meta.title.lowercased(), $1.path) }
        var comparison = source.comparison
        if members.isEmpty {
            diagnostics.append(.error("no published article has the \(from.kind.singular) '\(from.name)', so the table has no columns", file: source.path, line: from.position.line, column: from.position.column))
            return comparison
        }
        comparison.options = members.map { article in
            let slug = article.route.split(separator: "/").last.map(String.init) ?? article.route
            return Comparison.Option(id: slug, name: article.meta.title, link: basePath + article.route)
        }
        for index in comparison.criteria.indices {
            let criterion = comparison.criteria[index]
            for (article, option) in zip(members, comparison.options) {
                guard let fact = article.meta.facts[criterion.id] else {
                    if !criterion.missingAllowed {
                        let position = article.meta.positions["facts"] ?? article.meta.positions["title"]
                        diagnostics.append(article.opened().text.diagnostic(.error, "'facts' has no '\(criterion.id)', which comparison '\(comparison.id)' needs for its row '\(criterion.name)' (add it, or set 'missing: allowed' on the criterion)", line: position?.line, column: position?.column))
                    }
                    continue
                }
                if fact.form == .empty, criterion.missingAllowed { continue }
                switch CellReader.cell(fact, kind: criterion.kind) {
                case .success(let cell): comparison.criteria[index].values[option.id] = cell
                case .failure(let problem):
                    diagnostics.append(article.opened().text.diagnostic(.error, "fact '\(criterion.id)' \(problem.message) (comparison '\(comparison.id)' reads it as a \(criterion.kind.rawValue))", line: fact.position.line, column: fact.position.column))
                }
            }
        }
        return comparison
    }
}
