/// Ranks related articles: two points per shared tag, one for the same category; ties go to the newer.
/// Candidates come only from the article's own tags and category, so the cost follows those, not the site.
struct RelatedArticles {
    let limit: Int

    func rank(articleCount: Int, tags: [[Int]], tagTerms: [Term], categories: [[Int]], categoryTerms: [Term], articles: [Article]) -> [[Int]] {
        guard limit > 0 else { return Array(repeating: [], count: articleCount) }
        return (0..<articleCount).map { index in
            var scores: [Int: Int] = [:]
            for tag in tags[index] {
                for other in tagTerms[tag].articles where other != index { scores[other, default: 0] += 2 }
            }
            for category in categories[index] {
                for other in categoryTerms[category].articles where other != index { scores[other, default: 0] += 1 }
            }
            // Article indices are newest first, so the smaller index wins a tie.
            let ranked = scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            return ranked.prefix(limit).map(\.key)
        }
    }
}
