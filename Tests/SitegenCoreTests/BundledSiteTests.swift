import Foundation
import Testing
@testable import SitegenCore

/// The example site in the repository (`content/`, `templates/`, `public/`, `sitegen.yaml`) must always build.
@Suite("The bundled site")
struct BundledSiteTests {
    @Test("builds without errors, with the reference article's prose unchanged at its URL")
    func builds() async throws {
        let root = TestSite.repositoryRoot
        let tree = try SiteLoader(root: root).load()
        let output = try await SiteBuilder(options: TestSite.options()).build(tree)
        let paths = Set(output.files.map(\.path))
        for expected in ["index.html", "blog/open-source-vs-proprietary-ai-models/index.html", "feed.xml", "atom.xml",
                         "feed.json", "sitemap.xml", "robots.txt", "404.html", "tags/index.html", "categories/index.html",
                         "archive/index.html", "images/blog/open-vs-proprietary-ai.svg", "assets/site.css"] {
            #expect(paths.contains(expected), "\(expected)")
        }
        #expect(output.statistics.articles >= 6)
        #expect(output.diagnostics.allSatisfy { $0.severity == .warning })
        let reference = try String(contentsOf: root.appendingPathComponent("content/blog/open-source-vs-proprietary-ai-models.md"), encoding: .utf8)
        let seed = root.deletingLastPathComponent().appendingPathComponent("shared/seed/000_b4bedaf4913c66ee.txt")
        if let original = try? String(contentsOf: seed, encoding: .utf8) {
            // The front matter gained `image_alt` and a description short enough for search results.
            #expect(Self.withoutEmbeds(Self.body(reference)) == Self.body(original))
        }
        let article = try #require(output.files.first { $0.path == "blog/open-source-vs-proprietary-ai-models/index.html" })
        guard case .bytes(let data) = article.contents else { return }
        let html = String(decoding: data, as: UTF8.self)
        #expect(html.contains("<figure class=\"comparison\" id=\"cmp-open-vs-proprietary\">"))
        #expect(html.contains("<section class=\"decision-helper\" id=\"decide-open-vs-proprietary\""))
        #expect(paths.isSuperset(of: ["data/comparisons/open-vs-proprietary.json", "data/comparisons/open-vs-proprietary.csv",
                                      "data/decision-helper/open-vs-proprietary.json", "data/decision-helper/schema.json",
                                      "assets/decision-helper.js"]))
    }

    @Test("sitegen check finds no problem in it")
    func checkIsClean() async throws {
        let tree = try SiteLoader(root: TestSite.repositoryRoot).load()
        let diagnostics = await SiteBuilder(options: TestSite.options()).check(tree)
        #expect(diagnostics.map(\.summary) == [])
    }

    static func body(_ text: String) -> String {
        guard case .success(let parts) = FrontMatterSplitter.split(text) else { return text }
        return parts.body
    }

    /// The article without its embed blocks (each an opening and a closing fence followed by a blank line).
    static func withoutEmbeds(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let start = lines.firstIndex(where: { $0.hasPrefix("```comparison ") || $0.hasPrefix("```decision-helper ") }),
              let end = lines[start...].firstIndex(of: "```") {
            lines.removeSubrange(start...min(end + 1, lines.count - 1))
        }
        return lines.joined(separator: "\n")
    }
}
