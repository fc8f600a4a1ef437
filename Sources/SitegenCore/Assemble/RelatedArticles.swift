/// Ranks related articles: two points per shared tag, one for the same category; ties go to the newer.
///
/// Scanning every article of a tag on a third of the site, for every article, is quadratic. So terms are
/// split by size: candidates from small terms are scored in full (their share of large terms by binary
/// search), and the large terms' other articles are walked newest first, merged, only until none left can
/// enter the top `limit`. The result is exactly the full ranking's.
struct RelatedArticles: Sendable {
    let limit: Int
    /// Terms with more articles than this are walked lazily.
    var largeTerm = 64

    /// What ranking needs of the assembled taxonomy, per article.
    struct Input: Sendable {
        let tags: [[Int]]
        let tagTerms: [Term]
        let categories: [[Int]]
        let categoryTerms: [Term]
    }

    /// A tag or category of one article: its articles (ascending indices, newest first) and points.
    private struct Weighted {
        let articles: [Int]
        let points: Int
    }

    func rank(_ input: Input) async -> [[Int]] {
        guard limit > 0 else { return Array(repeating: [], count: input.tags.count) }
        return await Array(input.tags.indices).parallelMap { [self] index in
            let terms = input.tags[index].map { Weighted(articles: input.tagTerms[$0].articles, points: 2) }
                + input.categories[index].map { Weighted(articles: input.categoryTerms[$0].articles, points: 1) }
            return best(for: index, terms)
        }
    }

    private func best(for index: Int, _ terms: [Weighted]) -> [Int] {
        let small = terms.filter { $0.articles.count <= largeTerm }
        let large = terms.filter { $0.articles.count > largeTerm }
        var scores: [Int: Int] = [:]
        for term in small {
            for other in term.articles where other != index { scores[other, default: 0] += term.points }
        }
        var top = TopArticles(limit: limit)
        for (other, score) in scores {
            top.offer(other, score: score + large.reduce(0) { $0 + (Self.contains($1.articles, other) ? $1.points : 0) })
        }
        // The rest have only large terms in common; visited by ascending index, each scored once.
        let ceiling = large.reduce(0) { $0 + $1.points }
        var cursors = Array(repeating: 0, count: large.count)
        while true {
            var next = Int.max
            for (term, cursor) in zip(large, cursors) where cursor < term.articles.count { next = min(next, term.articles[cursor]) }
            guard next != .max, !top.excludes(score: ceiling, index: next) else { break }
            var score = 0
            for position in large.indices where cursors[position] < large[position].articles.count && large[position].articles[cursors[position]] == next {
                score += large[position].points
                cursors[position] += 1
            }
            if next != index && scores[next] == nil { top.offer(next, score: score) }
        }
        return top.indices
    }

    private static func contains(_ sorted: [Int], _ value: Int) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value
    }
}

/// The best `limit` articles seen so far: higher score first, then smaller index (newer).
private struct TopArticles {
    let limit: Int
    private var entries: [(index: Int, score: Int)] = []

    init(limit: Int) {
        self.limit = limit
    }

    var indices: [Int] { entries.map(\.index) }

    mutating func offer(_ index: Int, score: Int) {
        let position = entries.firstIndex { score > $0.score || (score == $0.score && index < $0.index) } ?? entries.count
        guard position < limit else { return }
        entries.insert((index, score), at: position)
        if entries.count > limit { entries.removeLast() }
    }

    /// Whether the list is full and no article at `index` or later with at most `score` could enter it.
    func excludes(score: Int, index: Int) -> Bool {
        guard entries.count == limit, let last = entries.last else { return false }
        return last.score > score || (last.score == score && last.index < index)
    }
}
