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
        return await Array(input.tags.indices).parallelMap(workers: workers, state: { Scores(count: count) }) { [self] scores, index in
            let terms = input.tags[index].map { (tags[$0], 2) } + input.categories[index].map { (categories[$0], 1) }
            scores.start(index)
            // A term with no more than `window` articles proposes all of them, so its points are added as
            // it proposes them; only the larger terms are asked about each candidate afterwards.
            var large: [(members: Members, weight: Int)] = []
            for (members, weight) in terms {
                if members.bits == nil {
                    for candidate in members.articles where candidate != index { scores.add(weight, to: candidate) }
                } else {
                    large.append((members, weight))
                    for candidate in nearest(members.articles, to: index) where candidate != index { scores.add(0, to: candidate) }
                }
            }
            var top = TopArticles(limit: limit)
            // The order candidates come in does not matter: `TopArticles` keeps a total order.
            for candidate in scores.candidates {
                top.offer(candidate, score: scores.points(of: candidate) + large.reduce(0) { $0 + ($1.members.contains(candidate) ? $1.weight : 0) })
            }
            return top.indices
        }
    }

    /// A worker's points per candidate for the article being ranked, with no set or dictionary to hash into
    /// and clear for every article: a candidate's entry counts only when it was last touched for this article.
    private struct Scores: Sendable {
        private var lastArticle: [Int32]
        private var points: [Int32]
        private var article: Int32 = -1
        /// The candidates of the article being ranked, each once.
        private(set) var candidates: [Int] = []

        init(count: Int) {
            lastArticle = Array(repeating: -1, count: count)
            points = Array(repeating: 0, count: count)
        }

        mutating func start(_ index: Int) {
            article = Int32(index)
            candidates.removeAll(keepingCapacity: true)
        }

        /// Proposes `candidate` for the current article, with `weight` more points.
        mutating func add(_ weight: Int, to candidate: Int) {
            if lastArticle[candidate] != article {
                lastArticle[candidate] = article
                points[candidate] = 0
                candidates.append(candidate)
            }
            points[candidate] += Int32(weight)
        }

        func points(of candidate: Int) -> Int { Int(points[candidate]) }
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
