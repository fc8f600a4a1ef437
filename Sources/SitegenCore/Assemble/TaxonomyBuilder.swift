/// Groups free-text tag or category names into terms: names that differ only in case, spacing
/// or punctuation are one term, shown with their most common spelling.
struct TaxonomyBuilder {
    let kind: TermKind

    /// `names[i]` are the names article `i` gives. Returns the terms sorted by slug, each article's term
    /// indices, and warnings for spelling variants and names without letters or digits.
    func build(_ articles: [Article], names: (Article) -> [String]) -> (terms: [Term], perArticle: [[Int]], diagnostics: [Diagnostic]) {
        var spellings: [String: [String: Int]] = [:]
        var members: [String: [Int]] = [:]
        var slugsPerArticle: [[String]] = []
        var diagnostics: [Diagnostic] = []
        var slugOf: [String: String] = [:]  // a site has far fewer distinct names than uses of them
        // By index: `enumerated()` would copy each article.
        for index in articles.indices {
            var seen: [String] = []
            for name in names(articles[index]) {
                let trimmed = name.trimmingSpaces
                let slug = slugOf[trimmed] ?? Slug.make(trimmed)
                slugOf[trimmed] = slug
                guard !slug.isEmpty else {
                    diagnostics.append(warning("\(kind.singular) '\(name)' has no letters or digits and is ignored", articles[index]))
                    continue
                }
                guard !seen.contains(slug) else { continue }
                seen.append(slug)
                spellings[slug, default: [:]][trimmed, default: 0] += 1
                members[slug, default: []].append(index)
            }
            slugsPerArticle.append(seen)
        }
        let slugs = members.keys.sorted()
        let terms = slugs.map { Term(slug: $0, name: Self.preferredSpelling(spellings[$0]!), articles: members[$0]!) }
        let indexBySlug = Dictionary(uniqueKeysWithValues: slugs.enumerated().map { ($1, $0) })
        diagnostics += variantWarnings(terms, spellings: spellings, articles: articles, names: names)
        return (terms, slugsPerArticle.map { $0.map { indexBySlug[$0]! } }, diagnostics)
    }

    /// Most used first; ties go to the alphabetically first spelling, so the choice is stable.
    static func preferredSpelling(_ counts: [String: Int]) -> String {
        counts.min { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }!.key
    }

    private func variantWarnings(_ terms: [Term], spellings: [String: [String: Int]], articles: [Article], names: (Article) -> [String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for term in terms where spellings[term.slug]!.count > 1 {
            let variants = spellings[term.slug]!.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
            guard let first = term.articles.lazy.map({ articles[$0] }).first(where: { names($0).contains { $0.trimmingSpaces != term.name && Slug.make($0) == term.slug } }) else { continue }
            diagnostics.append(warning("\(kind.singular) spellings \(variants) are one \(kind.singular) (/\(kind.route(term.slug))), shown as '\(term.name)'", first))
        }
        return diagnostics
    }

    private func warning(_ message: String, _ article: Article) -> Diagnostic {
        let position = article.meta.positions[kind.frontMatterKey]
        return Diagnostic(.warning, file: article.path, line: position?.line, column: position?.column, message: message)
    }
}
