import Foundation
import SitegenSearch

/// The search index of the site's published articles (drafts never enter it), under `search/` beside the
/// search page: the manifest and term shards of `SearchIndex`, and one fragment per article.
struct SearchFiles: Sendable {
    /// The search page's route; the index lives in its folder.
    static let route = "search/"

    let models: ViewModels

    /// What an edit of some articles needs of the last build's index.
    struct State: Sendable {
        var index: SearchIndex
        /// Article index → document number (drafts have none).
        var documents: [Int: Int]
        var fragmentHashes: [UInt64]
    }

    /// The index of the articles' terms, without its fragments' hashes yet; nil when search is off. Unless
    /// `editable`, the state cannot take edits (`files(updating:old:)`), and holds less.
    func index(editable: Bool = true) async -> State? {
        await Self.index(of: models.site, editable: editable)
    }

    /// `index(editable:)` of `site`: from `postings` when the parse packed the indexed articles' terms
    /// into them in the site's order (their terms are gone, and the index cannot be edited), else from
    /// the articles' terms.
    static func index(of site: Site, postings: SearchPostings? = nil, editable: Bool) async -> State? {
        guard site.config.search else { return nil }
        let indexed = site.articles.indices.filter { site.articles[$0].isIndexed }
        let tasks = site.config.workers == 1 ? 1 : 8
        let index: SearchIndex
        if let postings {
            precondition(indexed.count == postings.lengths.count, "the posting lists number other articles than the site indexes")
            index = await SearchIndex.build(postings, tasks: tasks, editable: false)
        } else {
            index = await SearchIndex.build(indexed.map { site.articles[$0].searchTerms! }, tasks: tasks, editable: editable)
        }
        return State(index: index, documents: Dictionary(uniqueKeysWithValues: indexed.enumerated().map { ($1, $0) }), fragmentHashes: [])
    }

    /// The paths of the index's files and fragments, known before any is made.
    static func paths(_ state: State) -> [String] {
        state.index.filePaths.map { route + $0 } + (0..<state.documents.count).map(fragmentPath)
    }

    /// The article of each document number.
    static func documentArticles(_ state: State) -> [Int] {
        var articles = Array(repeating: 0, count: state.documents.count)
        for (index, number) in state.documents { articles[number] = index }
        return articles
    }

    /// The fragments of the documents in `documents` (a slice of `documentArticles`: positions are document
    /// numbers), made in parallel, with their SHA-256 digests, which the manifest takes as they are and
    /// the index's version is made from (`fragmentHash`): the fragments, most of the index's bytes, are
    /// hashed once.
    func fragments(_ documents: ArraySlice<Int>) async -> (files: [OutputFile], sha256: [String]) {
        let made = await Array(documents).parallelMap(workers: models.site.config.workers) { [models] index -> (bytes: Data, sha256: String) in
            let bytes = Self.fragment(models, index).json(as: Data.self)
            return (bytes, Manifest.sha256(bytes))
        }
        return (zip(documents.indices, made).map { Self.fragmentFile($0, $1.bytes) }, made.map(\.sha256))
    }

    /// The hash of a fragment that goes into the index's version: the first 64 bits of its SHA-256 digest.
    static func fragmentHash(sha256: String) -> UInt64 {
        UInt64(sha256.prefix(16), radix: 16)!
    }

    /// The index's own files, once every fragment's hash is known.
    static func finish(_ state: inout State, fragmentHashes: [UInt64]) -> [OutputFile] {
        state.fragmentHashes = fragmentHashes
        return indexFiles(&state).map(\.file)
    }

    /// After edits of the articles at the keys of `old` (their terms before the edits), which keep the site's
    /// shape: the edited articles' fragments and the index files that may have changed (the others are as the
    /// last build wrote them), with the number of index files; `state` brought up to date.
    func files(updating state: inout State, old: [Int: DocumentTerms]) -> (files: [OutputFile], indexFiles: Int) {
        var fragments: [OutputFile] = []
        for (index, terms) in old.sorted(by: { $0.key < $1.key }) {
            guard let number = state.documents[index], let new = models.site.articles[index].searchTerms else { continue }
            state.index.replace(number, with: new, was: terms)
            let bytes = Self.fragment(models, index).json(as: Data.self)
            state.fragmentHashes[number] = Self.fragmentHash(sha256: Manifest.sha256(bytes))
            fragments.append(Self.fragmentFile(number, bytes))
        }
        let index = Self.indexFiles(&state)
        return (index.filter { !$0.unchanged }.map(\.file) + fragments, index.count)
    }

    private static func indexFiles(_ state: inout State) -> [(file: OutputFile, unchanged: Bool)] {
        var files = state.index.files(fragmentHashes: state.fragmentHashes)
        var made: [(file: OutputFile, unchanged: Bool)] = []
        made.reserveCapacity(files.count)
        for index in files.indices {
            let file = files[index]
            // A shard the last build wrote is not copied into new Data only to be compared and dropped.
            made.append((OutputFile(path: route + file.path, contents: .bytes(file.unchanged ? Data() : Data(file.bytes))), file.unchanged))
            // Each shard's bytes go once copied, so the index is not held twice over.
            files[index].bytes = []
        }
        return made
    }

    private static func fragmentFile(_ number: Int, _ bytes: Data) -> OutputFile {
        OutputFile(path: fragmentPath(number), contents: .bytes(bytes))
    }

    private static func fragmentPath(_ number: Int) -> String { route + "docs/\(number).json" }

    private static func fragment(_ models: ViewModels, _ index: Int) -> SearchFragment {
        let site = models.site
        // The article's fields read in place: a copy of the article, or of its front matter, retains and
        // releases every string in it.
        return SearchFragment(
            url: models.urls.path(site.articles[index].route), title: site.articles[index].meta.title,
            date: site.articles[index].meta.date.iso, dateText: site.articles[index].meta.date.display,
            category: site.articleCategory[index].map { site.categories[$0].name } ?? "",
            description: site.articles[index].meta.description ?? "",
            sectionsJSON: site.searchSections(of: index))
    }
}
