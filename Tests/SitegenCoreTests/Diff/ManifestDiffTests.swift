import Foundation
import Testing
@testable import SitegenCore

/// Two builds with the repository's theme that differ by one edit: the diff must name exactly the files whose
/// bytes a reader would see change, and nothing that changes only because the site was built again.
@Suite("Comparing two builds")
struct ManifestDiffTests {
    static let site: [String: String] = TestSite.themeTemplates.merging([
        "sitegen.yaml": "title: T\nbase_url: https://example.org/blog/\n",
        "content/blog/alpha.md": TestSite.article("Alpha", date: "2026-01-04", extra: "tags: [ai, ml]\ncategory: notes\ndescription: First", body: "Alpha body text."),
        "content/blog/beta.md": TestSite.article("Beta", date: "2026-01-03", extra: "tags: [ai]\ncategory: notes", body: "Beta body text."),
        "content/blog/gamma.md": TestSite.article("Gamma", date: "2026-01-02", extra: "tags: [web]\ncategory: dev", body: "Gamma body."),
        "content/blog/delta.md": TestSite.article("Delta", date: "2026-01-01", extra: "tags: [web]\ncategory: dev", body: "Delta body."),
        "public/images/logo.svg": "<svg/>",
    ]) { own, _ in own }

    private func diff(_ change: (inout [String: String]) -> Void) async throws -> ManifestDiff {
        var edited = Self.site
        change(&edited)
        let old = try await TestSite.build(Self.site).output.manifest
        let new = try await TestSite.build(edited).output.manifest
        return ManifestDiff(old: old, new: new)
    }

    @Test("building the same sources twice changes nothing")
    func rebuild() async throws {
        #expect(try await diff { _ in }.isEmpty)
    }

    @Test("one article's body edited: its page, the feeds that carry its text and the search index, nothing else")
    func bodyEdit() async throws {
        let diff = try await diff {
            $0["content/blog/beta.md"] = TestSite.article("Beta", date: "2026-01-03", extra: "tags: [ai]\ncategory: notes", body: "Beta body text, edited.")
        }
        #expect(diff.added.isEmpty && diff.removed.isEmpty)
        #expect(diff.changed.map(\.path) == [
            "atom.xml", "blog/beta/index.html", "categories/notes/atom.xml", "feed.json", "feed.xml", "search/docs/1.json",
            "search/index.json", "search/terms/0.json", "tags/ai/atom.xml",
        ])
        let article = try #require(diff.changed.first { $0.kind == .article })
        #expect(article.title == "Beta" && article.url == "/blog/blog/beta/" && article.sources == ["content/blog/beta.md"])
        // The list pages show titles, descriptions and reading times, none of which changed; neither did the other articles.
        for path in ["index.html", "tags/ai/index.html", "categories/notes/index.html", "blog/alpha/index.html", "blog/gamma/index.html", "sitemap.xml"] {
            #expect(!diff.changed.contains { $0.path == path }, "\(path)")
        }
    }

    @Test("one tag changed: the article, the old tag's pages gone, the new tag's page and feed, the tag index, the feeds, and the pages now related")
    func tagChange() async throws {
        let diff = try await diff {
            $0["content/blog/alpha.md"] = TestSite.article("Alpha", date: "2026-01-04", extra: "tags: [ai, web]\ncategory: notes\ndescription: First", body: "Alpha body text.")
        }
        #expect(diff.added.isEmpty)
        #expect(diff.removed.map(\.path) == ["tags/ml/atom.xml", "tags/ml/index.html"])
        #expect(diff.removed.map(\.title) == ["Atom feed: Tag ml", "Tag: ml"])
        // Gamma and Delta now share the tag "web" with Alpha, so Alpha joins their related articles.
        #expect(diff.changed.map(\.path) == [
            "atom.xml", "blog/alpha/index.html", "blog/delta/index.html", "blog/gamma/index.html", "categories/notes/atom.xml",
            "feed.json", "feed.xml", "search/index.json", "search/terms/0.json", "sitemap.xml", "tags/ai/atom.xml", "tags/index.html",
            "tags/web/atom.xml", "tags/web/index.html",
        ])
    }

    @Test("one article deleted: its page removed, the lists and feeds it was on, and its neighbours' previous/next links")
    func deletedArticle() async throws {
        let diff = try await diff { $0["content/blog/gamma.md"] = nil }
        #expect(diff.added.isEmpty)
        // The search index numbers its documents in date order: the last one's fragment goes.
        #expect(diff.removed.map(\.path) == ["blog/gamma/index.html", "search/docs/3.json"])
        #expect(diff.removed.first?.title == "Gamma")
        #expect(diff.changed.map(\.path) == [
            "archive/index.html", "atom.xml", "blog/beta/index.html", "blog/delta/index.html", "categories/dev/atom.xml",
            "categories/dev/index.html", "categories/index.html", "feed.json", "feed.xml", "index.html", "search/docs/2.json",
            "search/index.json", "search/terms/0.json", "sitemap.xml", "tags/index.html", "tags/web/atom.xml", "tags/web/index.html",
        ])
        #expect(!diff.changed.contains { $0.path == "blog/alpha/index.html" })
    }

    @Test("one static file added: that file only")
    func newStaticFile() async throws {
        let diff = try await diff { $0["public/files/guide.pdf"] = "%PDF" }
        #expect(diff.changed.isEmpty && diff.removed.isEmpty)
        #expect(diff.added == [Manifest.Entry(path: "files/guide.pdf", sha256: Manifest.sha256(Data("%PDF".utf8)), kind: .static,
                                              url: "/blog/files/guide.pdf", sources: ["public/files/guide.pdf"])])
    }

    @Test("a file is changed when its hash differs, and when a hash is unknown")
    func unknownHash() {
        let old = Manifest(baseURL: "", entries: [.init(path: "a", sha256: "1", kind: .static, url: "/a"), .init(path: "b", kind: .static, url: "/b")])
        let new = Manifest(baseURL: "", entries: [.init(path: "a", sha256: "1", kind: .static, url: "/a"), .init(path: "b", kind: .static, url: "/b")])
        #expect(ManifestDiff(old: old, new: new).changed.map(\.path) == ["b"])
    }
}
