import SitegenMarkdown
import Testing

/// Inputs that are slow in naive Markdown parsers; they only have to finish.
@Suite struct PathologicalInputTests {
    @Test func manyOpenBrackets() throws {
        let result = try render(String(repeating: "[", count: 50_000), .site)
        #expect(result.html.hasPrefix("<p>[[["))
    }

    @Test func deeplyNestedBlockQuotes() throws {
        let result = try render(String(repeating: ">", count: 10_000) + " deep\n", .site)
        #expect(result.html.contains("deep"))
    }
}
