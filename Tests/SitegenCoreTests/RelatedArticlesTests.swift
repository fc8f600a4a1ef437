import PropertyBased
import Testing
@testable import SitegenCore

@Suite("Related articles")
struct RelatedArticlesTests {
    /// Every candidate scored: the definition the ranking must match.
    static func reference(_ input: RelatedArticles.Input, limit: Int) -> [[Int]] {
        input.tags.indices.map { index in
            var scores: [Int: Int] = [:]
            for tag in input.tags[index] {
                for other in input.tagTerms[tag].articles where other != index { scores[other, default: 0] += 2 }
            }
            for category in input.categories[index] {
                for other in input.categoryTerms[category].articles where other != index { scores[other, default: 0] += 1 }
            }
            let ranked = scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            return Array(ranked.prefix(limit).map(\.key))
        }
    }

    /// The definition with a window: each term proposes the `window` articles nearest to the article (all
    /// when it has no more), and every candidate is scored over all of the article's terms.
    static func windowedReference(_ input: RelatedArticles.Input, limit: Int, window: Int) -> [[Int]] {
        input.tags.indices.map { index in
            let terms = input.tags[index].map { (input.tagTerms[$0].articles, 2) } + input.categories[index].map { (input.categoryTerms[$0].articles, 1) }
            var candidates = Set<Int>()
            for (articles, _) in terms {
                var near = articles[...]
                if articles.count > window {
                    let position = articles.firstIndex { $0 >= index } ?? articles.count
                    let start = max(0, min(position - window / 2, articles.count - window))
                    near = articles[start..<(start + window)]
                }
                candidates.formUnion(near.filter { $0 != index })
            }
            let scored = candidates.map { candidate in (candidate, terms.reduce(0) { $0 + ($1.0.contains(candidate) ? $1.1 : 0) }) }
            return Array(scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0))
        }
    }

    /// Articles with up to 4 of 6 tags and one of 3 categories, from picks.
    static func input(_ picks: [[Int]]) -> RelatedArticles.Input {
        let tags = picks.map { Array(Set($0.dropFirst().map { $0 % 6 })).sorted() }
        let categories = picks.map { [($0.first ?? 0) % 3] }
        func terms(_ perArticle: [[Int]], count: Int) -> [Term] {
            (0..<count).map { term in
                Term(slug: "t\(term)", name: "t\(term)", articles: perArticle.indices.filter { perArticle[$0].contains(term) })
            }
        }
        return .init(tags: tags, tagTerms: terms(tags, count: 6), categories: categories, categoryTerms: terms(categories, count: 3))
    }

    @Test("equals the full ranking when no term has more articles than the window")
    func matchesReference() async {
        let picks = Gen.int(in: 0...20).array(of: 1...5).array(of: 1...40)
        await propertyCheck(count: 300, input: picks, Gen.int(in: 1...5)) { picks, limit in
            let input = Self.input(picks)
            var ranker = RelatedArticles(limit: limit)
            ranker.window = 40
            #expect(await ranker.rank(input) == Self.reference(input, limit: limit))
        }
    }

    @Test("with terms larger than the window, equals the windowed definition")
    func matchesWindowedReference() async {
        let picks = Gen.int(in: 0...20).array(of: 1...5).array(of: 1...40)
        await propertyCheck(count: 300, input: picks, Gen.int(in: 1...5), Gen.int(in: 1...8)) { picks, limit, window in
            let input = Self.input(picks)
            var ranker = RelatedArticles(limit: limit)
            ranker.window = window
            #expect(await ranker.rank(input) == Self.windowedReference(input, limit: limit, window: window))
        }
    }

    @Test("a large term proposes only the articles nearest in date, which are then scored in full")
    func window() async {
        // Ten articles, newest first, all with tag 0; 2 and 8 also share tag 1 with article 5.
        let tags = (0..<10).map { [2, 5, 8].contains($0) ? [0, 1] : [0] }
        let input = RelatedArticles.Input(
            tags: tags, tagTerms: [Term(slug: "a", name: "a", articles: Array(0..<10)), Term(slug: "b", name: "b", articles: [2, 5, 8])],
            categories: Array(repeating: [], count: 10), categoryTerms: [])
        var ranker = RelatedArticles(limit: 3)
        ranker.window = 4
        // Around article 5, tag 0 proposes 3, 4, 6 (and 5 itself), tag 1 proposes 2 and 8, which share both
        // tags. Article 0, with one tag: the four newest; article 9: the four oldest.
        let ranked = await ranker.rank(input)
        #expect(ranked[5] == [2, 8, 3])
        #expect(ranked[0] == [1, 2, 3])
        #expect(ranked[9] == [6, 7, 8])
    }
}
