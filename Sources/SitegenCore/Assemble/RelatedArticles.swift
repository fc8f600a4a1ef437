/// Ranks related articles: two points per shared tag, one for the same category; ties go to the newer.
///
/// Each tag and category proposes as candidates only the `window` articles nearest in date to the article
/// (all of them when it has no more); every candidate is then scored in full. Looking at every article of
/// a tag on a third of a large site, for every article, would be quadratic. On sites where no term has
/// more than `window` articles, the ranking is the full one.
struct RelatedArticles: Sendable {
    let limit: Int
    /// Workers (nil: all cores).
    var workers: Int?
    /// Candidates per term: the articles closest in date, half before and half after where there are.
    var window = 128

    /// What ranking needs of the assembled taxonomy, per article.
    struct Input: Sendable {
        let tags: [[Int]]
        let tagTerms: [Term]
        let categories: [[Int]]
        let categoryTerms: [Term]
    }

    /// One term's articles (ascending indices, newest first), with a bitset for membership when large.
    private struct Members: Sendable {
        let articles: [Int]
        let bits: [UInt64]?

        init(_ articles: [Int], count: Int, window: Int) {
            self.articles = articles
            guard articles.count > window else {
                bits = nil
                return
            }
            var bits = [UInt64](repeating: 0, count: (count + 63) / 64)
            for article in articles { bits[article / 64] |= 1 << UInt64(article % 64) }
            self.bits = bits
        }

        func contains(_ article: Int) -> Bool {
            if let bits { return bits[article / 64] & (1 << UInt64(article % 64)) != 0 }
            let position = RelatedArticles.position(of: article, in: articles)
            return position < articles.count && articles[position] == article
        }
    }

    func rank(_ input: Input) async -> [[Int]] {
        let count = input.tags.count
        guard limit > 0 else { return Array(repeating: [], count: count) }
        let tags = input.tagTerms.map { Members($0.articles, count: count, window: window) }
        let categories = input.categoryTerms.map { Members($0.articles, count: count, window: window) }
        return await Array(input.tags.indices).parallelMap(workers: workers, state: { Proposals(count: count) }) { [self] proposals, index in
            let terms = input.tags[index].map { (tags[$0], 2) } + input.categories[index].map { (categories[$0], 1) }
            var top = TopArticles(limit: limit)
            // The order candidates come in does not matter: `TopArticles` keeps a total order.
            for (members, _) in terms {
                for candidate in nearest(members.articles, to: index) where candidate != index && proposals.first(candidate, for: index) {
                    top.offer(candidate, score: terms.reduce(0) { $0 + ($1.0.contains(candidate) ? $1.1 : 0) })
                }
            }
            return top.indices
        }
    }

    /// A worker's record of which article each candidate was last proposed for, so that a candidate several
    /// terms propose is scored once, with no set to hash into and clear for every article.
    private struct Proposals: Sendable {
        private var lastArticle: [Int32]

        init(count: Int) {
            lastArticle = Array(repeating: -1, count: count)
        }

        /// Whether this is the first time `candidate` is proposed for `article`; records that it has been.
        mutating func first(_ candidate: Int, for article: Int) -> Bool {
            guard lastArticle[candidate] != Int32(article) else { return false }
            lastArticle[candidate] = Int32(article)
            return true
        }
    }

    /// The `window` articles of `articles` nearest to `index` (all of them when there are no more).
    private func nearest(_ articles: [Int], to index: Int) -> ArraySlice<Int> {
        guard articles.count > window else { return articles[...] }
        let start = max(0, min(Self.position(of: index, in: articles) - window / 2, articles.count - window))
        return articles[start..<(start + window)]
    }

    /// Where `value` is, or would be, in the ascending `sorted`.
    static func position(of value: Int, in sorted: [Int]) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// The best `limit` articles offered: higher score first, then the smaller index (newer). No sort of all.
private struct TopArticles {
    let limit: Int
    private(set) var entries: [(index: Int, score: Int)] = []

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
}
