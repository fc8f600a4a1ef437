/// Ranks related articles: two points per shared tag, one for the same category; ties go to the newer.
/// Candidates come only from the article's own tags and category, and only the best `limit` are kept
/// (no sort of all candidates), so a tag on a third of a large site does not make this quadratic.
struct RelatedArticles: Sendable {
    let limit: Int

    /// What ranking needs of the assembled taxonomy, per article.
    struct Input: Sendable {
        let tags: [[Int]]
        let tagTerms: [Term]
        let categories: [[Int]]
        let categoryTerms: [Term]
    }

    func rank(_ input: Input) async -> [[Int]] {
        guard limit > 0 else { return Array(repeating: [], count: input.tags.count) }
        return await Array(input.tags.indices).parallelMap { [limit] index in
            Self.best(limit, for: index, input)
        }
    }

    private static func best(_ limit: Int, for index: Int, _ input: Input) -> [Int] {
        var scores: [Int: Int] = [:]
        for tag in input.tags[index] {
            for other in input.tagTerms[tag].articles where other != index { scores[other, default: 0] += 2 }
        }
        for category in input.categories[index] {
            for other in input.categoryTerms[category].articles where other != index { scores[other, default: 0] += 1 }
        }
        // Article indices are newest first, so the smaller index wins a tie.
        var top: [(index: Int, score: Int)] = []
        for (other, score) in scores {
            let insertAt = top.firstIndex { score > $0.score || (score == $0.score && other < $0.index) } ?? top.count
            guard insertAt < limit else { continue }
            top.insert((other, score), at: insertAt)
            if top.count > limit { top.removeLast() }
        }
        return top.map(\.index)
    }
}
