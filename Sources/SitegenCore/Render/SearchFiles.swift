import Foundation
import SitegenSearch

/// The search index of the site's published articles (drafts never enter it), under `search/` beside the
/// search page: the manifest and term shards from `SearchIndexBuilder`, and one fragment per article.
struct SearchFiles: Sendable {
    /// The search page's route; the index lives in its folder.
    static let route = "search/"

    let models: ViewModels

    /// Every file of the index, paths relative to the output root; none when search is off.
    func files() async -> [OutputFile] {
        let site = models.site
        guard site.config.search else { return [] }
        let indexed = site.articles.indices.filter { site.articles[$0].searchTerms != nil }
        let fragments = await indexed.parallelMap { [models] index -> (bytes: [UInt8], hash: UInt64) in
            let bytes = Self.fragment(models, index).json()
            return (bytes, FNV1a.hash(bytes))
        }
        let index = SearchIndexBuilder().files(
            for: indexed.map { site.articles[$0].searchTerms! }, fragmentHashes: fragments.map(\.hash))
        return index.map { OutputFile(path: Self.route + $0.path, contents: .bytes(Data($0.bytes))) }
            + fragments.enumerated().map { number, fragment in
                OutputFile(path: Self.route + "docs/\(number).json", contents: .bytes(Data(fragment.bytes)))
            }
    }

    private static func fragment(_ models: ViewModels, _ index: Int) -> SearchFragment {
        let site = models.site, article = site.articles[index]
        return SearchFragment(
            url: models.urls.path(article.route), title: article.meta.title, date: article.meta.date.iso,
            dateText: article.meta.date.display, category: site.articleCategory[index].map { site.categories[$0].name } ?? "",
            description: article.meta.description ?? "",
            sections: article.sections.map { .init(anchor: $0.anchor, heading: $0.heading, text: $0.text) })
    }
}
