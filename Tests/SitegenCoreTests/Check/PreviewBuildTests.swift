import Foundation
import Testing
@testable import SitegenCore

@Suite("Preview builds")
struct PreviewBuildTests {
    static let files: [String: String] = TestSite.themeTemplates.merging([
        "sitegen.yaml": "title: T\nbase_url: https://blog.example.org/\n",
        "content/blog/a.md": TestSite.article("A", extra: "tags: [x]\naliases: [/old-a/]", body: "## One\n\n[B](b.md#two) ![p](/img/p.svg)"),
        "content/blog/b.md": TestSite.article("B", date: "2026-02-01", extra: "draft: true\ncategory: notes", body: "## Two\n"),
        "public/img/p.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    ]) { own, _ in own }

    static let options = BuildOptions(
        includeDrafts: true, includeFuture: true, now: TestSite.now, baseURL: "https://preview.example.org/pr-42/",
        previewLabel: "PR #42")

    @Test("every page has the banner and noindex; robots.txt disallows everything; drafts are marked")
    func marks() async throws {
        let site = try await TestSite.build(Self.files, options: Self.options)
        let pages = site.paths.filter { $0.hasSuffix(".html") }
        #expect(pages.count > 8)
        for page in pages {
            let html = try #require(site[page])
            #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"), "\(page)")
            #expect(html.contains("Preview build — not published"), "\(page)")
            #expect(html.contains("PR #42"), "\(page)")
        }
        #expect(site["robots.txt"] == "# A preview build: not for search engines.\nUser-agent: *\nDisallow: /\n")
        #expect(site["blog/b/index.html"]?.contains("badge-draft") == true)
        #expect(site["index.html"]?.contains("badge-draft") == true)
    }

    @Test("every internal link, asset, feed entry and sitemap URL carries the prefix, and resolves")
    func prefixed() async throws {
        let site = try await TestSite.build(Self.files, options: Self.options)
        for path in site.paths where path.hasSuffix(".html") || path.hasSuffix(".xml") || path.hasSuffix(".json") {
            let text = try #require(site[path])
            for url in HTMLScan([UInt8](text.utf8)).links.map(\.url) where url.hasPrefix("/") {
                #expect(url.hasPrefix("/pr-42/"), "\(path): \(url)")
            }
            #expect(!text.contains("https://blog.example.org"), "\(path) names the live site")
        }
        #expect(site["sitemap.xml"]?.contains("<loc>https://preview.example.org/pr-42/blog/a/</loc>") == true)
        #expect(site["atom.xml"]?.contains("href=\"https://preview.example.org/pr-42/blog/a/\"") == true)
        let findings = await SiteBuilder(options: Self.options).check(SourceTree(files: Self.files))
        #expect(findings.map(\.summary) == [])
    }

    @Test("without the flags, `preview: true` in the config marks the build")
    func fromConfig() async throws {
        var files = Self.files
        files["sitegen.yaml"] = "title: T\nbase_url: https://blog.example.org/\npreview: true\n"
        let site = try await TestSite.build(files, options: TestSite.options(drafts: true))
        #expect(site["index.html"]?.contains("Preview build — not published") == true)
        let plain = try await TestSite.build(Self.files, options: TestSite.options(drafts: true))
        #expect(plain["index.html"]?.contains("Preview build") == false)
        #expect(plain["index.html"]?.contains("noindex") == false)
    }
}
