import Foundation
import Testing
@testable import SitegenCore

@Suite("Diff reports: text, Markdown, JSON")
struct DiffReportTests {
    static let old = Manifest(baseURL: "https://example.org/pr-42/", entries: [
        .init(path: "blog/a/index.html", sha256: "a1", kind: .article, title: "A & <B>", url: "/pr-42/blog/a/", sources: ["content/blog/a.md"]),
        .init(path: "blog/b/index.html", sha256: "b1", kind: .article, title: "Beta", url: "/pr-42/blog/b/", sources: ["content/blog/b.md"]),
        .init(path: "index.html", sha256: "h1", kind: .home, title: "Home", url: "/pr-42/", sources: ["content/blog/a.md", "content/blog/b.md"]),
        .init(path: "feed.xml", sha256: "f1", kind: .feed, title: "RSS feed", url: "/pr-42/feed.xml", sources: ["content/blog/a.md"]),
    ])
    static let new = Manifest(baseURL: "https://example.org/pr-42/", entries: [
        .init(path: "blog/a/index.html", sha256: "a2", kind: .article, title: "A & <B>", url: "/pr-42/blog/a/", sources: ["content/blog/a.md"]),
        .init(path: "blog/c/index.html", sha256: "c2", kind: .article, title: "Gamma", url: "/pr-42/blog/c/", sources: ["content/blog/c.md"]),
        .init(path: "index.html", sha256: "h2", kind: .home, title: "Home", url: "/pr-42/", sources: ["content/blog/a.md", "content/blog/c.md"]),
        .init(path: "feed.xml", sha256: "f1", kind: .feed, title: "RSS feed", url: "/pr-42/feed.xml", sources: ["content/blog/a.md"]),
        .init(path: "images/new.png", sha256: "n2", kind: .static, url: "/pr-42/images/new.png", sources: ["public/images/new.png"]),
    ])

    @Test("text: the counts, then Added, Changed and Removed with path and title")
    func text() {
        #expect(DiffReport(old: Self.old, new: Self.new).text() == """
            2 added, 2 changed, 1 removed
            Added:
              blog/c/index.html  (Gamma)
              images/new.png
            Changed:
              blog/a/index.html  (A & <B>)
              index.html  (Home)
            Removed:
              blog/b/index.html  (Beta)

            """)
        #expect(DiffReport(old: Self.new, new: Self.new).text() == "0 added, 0 changed, 0 removed\n")
    }

    @Test("Markdown: the counts, the articles first and linked under the new build's base URL, then the other groups")
    func markdown() {
        #expect(DiffReport(old: Self.old, new: Self.new).markdown() == """
            ## Changed pages

            2 files changed, 2 added, 1 removed.

            ### Articles

            - Changed: [A \\& \\<B\\>](https://example.org/pr-42/blog/a/)
            - Added: [Gamma](https://example.org/pr-42/blog/c/)
            - Removed: Beta (`/pr-42/blog/b/`)

            ### Lists

            - Changed: [Home](https://example.org/pr-42/)

            ### Assets and files

            - Added: [`images/new.png`](https://example.org/pr-42/images/new.png)

            """)
        #expect(DiffReport(old: Self.new, new: Self.new).markdown() == "## Changed pages\n\nNo files changed: the two builds are identical.\n")
    }

    @Test("Markdown: --base-url replaces the build's base URL and path in links")
    func baseURL() {
        let report = DiffReport(old: Self.old, new: Self.new, baseURL: "https://preview.example.net/pr-43")
        #expect(report.markdown().contains("- Added: [Gamma](https://preview.example.net/pr-43/blog/c/)\n"))
        #expect(report.markdown().contains("- Changed: [Home](https://preview.example.net/pr-43/)\n"))
    }

    @Test("Markdown: a group of more than five files is folded; articles never are")
    func folding() {
        let paths = ["atom.xml", "feed.json", "feed.xml", "sitemap.xml", "tags/a/atom.xml", "tags/b/atom.xml"]
        let old = Manifest(baseURL: "https://example.org/", entries: paths.map { .init(path: $0, sha256: "1", kind: .feed, url: "/" + $0) })
        let new = Manifest(baseURL: "https://example.org/", entries: paths.map { .init(path: $0, sha256: "2", kind: .feed, url: "/" + $0) })
        let markdown = DiffReport(old: old, new: new).markdown()
        #expect(markdown.contains("\n<details>\n<summary>Feeds and sitemap (6)</summary>\n\n- Changed: [`atom.xml`](https://example.org/atom.xml)\n"))
        #expect(markdown.hasSuffix("- Changed: [`tags/b/atom.xml`](https://example.org/tags/b/atom.xml)\n\n</details>\n"))
    }

    @Test("notes come first: a side without a manifest, different base URLs")
    func notes() {
        var moved = Self.new
        moved.baseURL = "https://example.org/pr-43/"
        let report = DiffReport(old: Self.old, new: moved, notes: ["old has no manifest"])
        #expect(report.text().hasPrefix("""
            note: old has no manifest
            note: the builds have different base URLs (https://example.org/pr-42/ and https://example.org/pr-43/): every page that shows a URL differs for that alone
            2 added
            """))
        #expect(report.markdown().contains("\n\n> **Note:** old has no manifest\n"))
    }

    @Test("JSON: counts and the three lists, each file without its hash")
    func json() throws {
        let text = DiffReport(old: Self.old, new: Self.new).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["version", "counts", "added", "changed", "removed", "notes"])
        #expect(object["version"] as? Int == 1)
        #expect(object["counts"] as? [String: Int] == ["added": 2, "changed": 2, "removed": 1])
        let removed = try #require(object["removed"] as? [[String: Any]])
        #expect(removed.count == 1)
        #expect(removed[0]["path"] as? String == "blog/b/index.html")
        #expect(removed[0]["url"] as? String == "/pr-42/blog/b/")
        #expect(removed[0]["kind"] as? String == "article")
        #expect(removed[0]["title"] as? String == "Beta")
        #expect(removed[0]["sources"] as? [String] == ["content/blog/b.md"])
        let added = try #require(object["added"] as? [[String: Any]])
        #expect(added[1]["title"] == nil)
        #expect(added[1]["kind"] as? String == "static")
        #expect(text.hasPrefix("{\n  \"added\" : [\n"))
    }

    @Test("kinds guessed from the paths of a folder without a manifest")
    func guessedKinds() {
        let cases: [(String, Manifest.Kind)] = [
            ("index.html", .home), ("page/2/index.html", .home), ("blog/x/index.html", .article), ("tags/index.html", .tagsIndex),
            ("tags/ai/index.html", .tag), ("tags/ai/page/3/index.html", .tag), ("tags/ai/atom.xml", .feed),
            ("categories/notes/index.html", .category), ("categories/index.html", .categoriesIndex), ("archive/index.html", .archive),
            ("feed.xml", .feed), ("feed.json", .feed), ("sitemap.xml", .sitemap), ("robots.txt", .robots), ("404.html", .notFound),
            ("data/comparisons/t.csv", .data), ("assets/site.css", .asset), ("images/logo.svg", .static),
        ]
        for (path, kind) in cases { #expect(ManifestLoader.guessKind(path) == kind, "\(path)") }
    }
}
