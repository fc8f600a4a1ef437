import Foundation
import Testing
@testable import SitegenCore

/// The example site in the repository (`content/`, `templates/`, `public/`, `sitegen.yaml`) must always build.
@Suite("The bundled site")
struct BundledSiteTests {
    @Test("builds without errors, with the reference article unchanged at its URL")
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
        if let original = try? String(contentsOf: seed, encoding: .utf8) { #expect(reference == original) }
    }
}
