import PropertyBased
import SitegenMarkdown
import Testing

@Suite struct PropertyTests {
    static let significant: [Character] = Array("#*_[]()!<>`~-+=|:\\&;\"'./ \n\n\t1aZé^@w")
    let markdown = Gen<Character?>.element(of: PropertyTests.significant).map { $0! }.string(of: 0...300)

    @Test func renderIsDeterministicAndIdsAreUnique() async throws {
        let renderer = try MarkdownRenderer(options: .site)
        await propertyCheck(count: 300, input: markdown) { text in
            let first = renderer.render(text)
            #expect(first == renderer.render(text))
            let ids = first.headings.map(\.id)
            #expect(Set(ids).count == ids.count)
            #expect(!ids.contains(""))
        }
    }

    @Test func commonMarkRenderNeverCrashes() async throws {
        let renderer = try MarkdownRenderer(options: options(Set(MarkdownOptions.Extension.allCases), footnotes: true, unsafeHTML: true))
        await propertyCheck(count: 300, input: markdown) { text in
            let result = renderer.render(text) { "x" + $0.destination }
            #expect(result == renderer.render(text) { "x" + $0.destination })
        }
    }

    @Test func headingLinesGetUniqueIds() async throws {
        let titles = Gen<Character?>.element(of: Array("ab 1-_!é") as [Character]).map { $0! }.string(of: 0...6)
            .array(of: 1...20)
        let renderer = try MarkdownRenderer(options: .site)
        await propertyCheck(input: titles) { titles in
            let result = renderer.render(titles.map { "## \($0)\n" }.joined())
            let ids = result.headings.map(\.id)
            #expect(ids.count == titles.count)
            #expect(Set(ids).count == ids.count)
        }
    }
}
