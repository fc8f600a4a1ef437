import Foundation
import SitegenMarkdown
import Testing
@testable import SitegenCore

/// Keeps what a streaming build sends, batch by batch.
private actor Collector: OutputSink {
    private(set) var batches: [[OutputFile]] = []

    func write(_ files: [OutputFile]) async throws {
        batches.append(files)
    }
}

/// A store on a full disk.
private struct FullStore: BodyStore {
    struct Full: LocalizedError {
        var errorDescription: String? { "no space left" }
    }

    func append(_ bytes: [UInt8]) throws -> Range<Int> { throw Full() }
    func bytes(at range: Range<Int>) -> [UInt8] { [] }
}

@Suite("Streaming build")
struct StreamingBuildTests {
    /// More articles (and search fragments) than one batch of pages or one slice of bodies holds, and more
    /// tags (each with a feed) than one batch of feeds, so that lists paginate and every kind of batch comes
    /// more than once.
    static var site: [String: String] {
        var files = TestSite.minimalTemplates
        for index in 0..<(max(SiteRenderer.filesPerBatch, ContentParser.bodiesPerSlice) + 40) {
            let day = String(format: "%02d", index % 28 + 1)
            let tag = index % (SiteRenderer.feedsPerBatch + 8)
            files["content/blog/post-\(index).md"] = "---\ntitle: Post \(index)\ndate: 2025-0\(index % 9 + 1)-\(day)\ntags: [t\(tag)]\n---\nBody \(index).\n"
        }
        return files
    }

    /// Where a streaming build keeps its rendered bodies.
    enum Bodies: String, CaseIterable, Sendable {
        case held, inMemoryStore, fileStore
    }

    @Test("sends the same files and manifest as a build in memory, in several batches", arguments: Bodies.allCases)
    func sameAsInMemory(bodies: Bodies) async throws {
        let tree = SourceTree(files: Self.site)
        let builder = SiteBuilder(options: TestSite.options())
        let inMemory = try await builder.build(tree)
        let collector = Collector()
        let store: (any BodyStore)? = switch bodies {
        case .held: nil
        case .inMemoryStore: InMemoryBodyStore()
        case .fileStore: try FileBodyStore(directory: FileManager.default.temporaryDirectory.path)
        }
        let streamed = try await builder.build(tree, writingTo: collector, keepingBodiesIn: store)
        let batches = await collector.batches
        #expect(batches.count >= 6)
        #expect(batches.filter { $0.contains { $0.path.hasSuffix("/atom.xml") } }.count >= 2)
        #expect(batches.filter { $0.contains { $0.path.hasPrefix("search/docs/") } }.count >= 2)
        #expect(streamed.files.isEmpty)
        let sent = batches.flatMap { $0 }
        #expect(Dictionary(uniqueKeysWithValues: sent.map { ($0.path, $0.contents) }) == Dictionary(uniqueKeysWithValues: inMemory.files.map { ($0.path, $0.contents) }))
        #expect(sent.count == inMemory.files.count)
        #expect(streamed.manifest == inMemory.manifest)
        #expect(streamed.statistics == inMemory.statistics)
    }

    @Test("sends nothing when the build fails, even at the render stage")
    func nothingOnFailure() async throws {
        // A static file where a page goes: found only when the outputs are laid out.
        try await expectNothingSent(
            adding: "public/blog/post-1/index.html",
            failingWith: "/blog/post-1/ is produced twice: by content/blog/post-1.md and by public/blog/post-1/index.html")
    }

    @Test("sends nothing when a file claims the path of a feed or of the search index made later in batches", arguments: ["tags/t3/atom.xml", "search/docs/540.json"])
    func nothingOnLateCollision(path: String) async throws {
        try await expectNothingSent(adding: "public/" + path, failingWith: "/\(path) is produced twice: by a generated page and by public/\(path)")
    }

    /// A store that cannot keep anything fails the build with one error, and nothing is sent.
    @Test func failingBodyStore() async throws {
        let collector = Collector()
        do {
            _ = try await SiteBuilder(options: TestSite.options()).build(SourceTree(files: Self.site), writingTo: collector, keepingBodiesIn: FullStore())
            Issue.record("the build succeeded")
        } catch let failure as BuildFailure {
            #expect(failure.diagnostics.map(\.message) == ["cannot keep the rendered bodies aside: no space left"])
        }
        #expect(await collector.batches.isEmpty)
    }

    /// Builds the site with one more file, which must make it fail with `message` alone and send nothing.
    private func expectNothingSent(adding path: String, failingWith message: String) async throws {
        var files = Self.site
        files[path] = "mine"
        let collector = Collector()
        do {
            _ = try await SiteBuilder(options: TestSite.options()).build(SourceTree(files: files), writingTo: collector)
            Issue.record("the build succeeded")
        } catch let failure as BuildFailure {
            #expect(failure.diagnostics.map(\.message) == [message])
        }
        #expect(await collector.batches.isEmpty)
    }
}

@Suite("Streaming build: sources let go")
struct StreamingBuildSourceTests {
    /// A streaming build lets go of the articles' bodies once they are rendered; diagnostics found later
    /// (here a clash of two slugs, found when the outputs are laid out) still show their front-matter line,
    /// and those found in a body show theirs.
    @Test func laterDiagnosticsStillShowTheirLines() async throws {
        var files = TestSite.minimalTemplates
        files["content/blog/a.md"] = "---\ntitle: A\ndate: 2025-01-01\nslug: same\n---\n" + String(repeating: "Text.\n\n", count: 40) + "![gone](/images/none.png)\n"
        files["content/blog/b.md"] = "---\ntitle: B\ndate: 2025-01-02\nslug: same\n---\nBody.\n"
        let collector = Collector()
        do {
            _ = try await SiteBuilder(options: TestSite.options()).build(SourceTree(files: files), writingTo: collector)
            Issue.record("the build succeeded")
        } catch let failure as BuildFailure {
            let clash = try #require(failure.diagnostics.first { $0.message.contains("produced twice") })
            #expect(clash.sourceLine == "slug: same")
            let image = try #require(failure.diagnostics.first { $0.message.contains("/images/none.png") })
            #expect(image.line == 86 && image.sourceLine == "![gone](/images/none.png)")
        }
        #expect(await collector.batches.isEmpty)
    }

    /// The parse of a streaming build gives the same articles (in the site's order, their terms packed
    /// into posting lists in that order, their bodies in the store when it is given one), and leaves the
    /// tree with each article's head alone (what later diagnostics point into).
    @Test(arguments: [false, true])
    func releasingParseKeepsOnlyHeads(storing: Bool) async throws {
        let files = StreamingBuildTests.site
        let parser = ContentParser(config: SiteConfig(), options: TestSite.options(), renderer: try MarkdownRenderer(options: .site), highlighting: nil)
        let kept = await parser.parse(SourceTree(files: files))
        var tree = SourceTree(files: files)
        let released = await parser.parse(
            &tree, cache: ParseCache(), keepingCache: false, releasingBodies: true, bodyStore: storing ? InMemoryBodyStore() : nil)
        let siteOrder = kept.articles.sorted(by: Article.newestFirst)
        #expect(released.articles.map(\.path) == siteOrder.map(\.path))
        #expect((released.bodyStore != nil) == storing)
        #expect(released.articles.allSatisfy { if case .stored = $0.body { storing } else { !storing } })
        #expect(released.articles.map { $0.body.html(in: released.bodyStore) } == siteOrder.map { $0.body.html(in: nil) })
        #expect(released.articles.map { $0.body.searchSections(in: released.bodyStore) } == siteOrder.map { $0.body.searchSections(in: nil) })
        #expect(siteOrder.allSatisfy { !$0.body.searchSections(in: nil).isEmpty })
        #expect(released.diagnostics.sorted() == kept.diagnostics.sorted())
        #expect(released.articles.allSatisfy { $0.isIndexed && $0.searchTerms == nil })
        #expect(kept.searchPostings == nil)
        #expect(released.searchPostings?.lengths == siteOrder.map { $0.searchTerms!.length })
        #expect(String(decoding: tree.content["content/blog/post-7.md"]!, as: UTF8.self) == "---\ntitle: Post 7\ndate: 2025-08-08\ntags: [t7]\n---\n")
        #expect(tree.content["content/blog/post-7.md"] != Data(files["content/blog/post-7.md"]!.utf8))
    }
}
