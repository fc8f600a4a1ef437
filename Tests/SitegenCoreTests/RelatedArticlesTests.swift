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

    @Test("equals the full ranking, whichever terms count as large")
    func matchesReference() async {
        let picks = Gen.int(in: 0...20).array(of: 1...5).array(of: 1...40)
        await propertyCheck(count: 300, input: picks, Gen.int(in: 0...12), Gen.int(in: 1...5)) { picks, largeTerm, limit in
            let input = Self.input(picks)
            var ranker = RelatedArticles(limit: limit)
            ranker.largeTerm = largeTerm
            #expect(await ranker.rank(input) == Self.reference(input, limit: limit))
        }
    }
}
