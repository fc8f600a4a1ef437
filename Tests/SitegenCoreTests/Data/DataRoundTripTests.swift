import Foundation
import Testing
@testable import SitegenCore

/// What the build publishes under `/data/` decodes back to the data it was built from.
@Suite("Published data round trips")
struct DataRoundTripTests {
    static let input = GoldenSiteTests.fixtures.appendingPathComponent("data/input")

    private func build() async throws -> (BuiltSite, DataParser.Output) {
        let tree = try SiteLoader(root: Self.input, useDefaultTheme: false).load()
        let output = try await SiteBuilder(options: TestSite.options()).build(tree)
        let parsed = await DataParser(basePath: "/docs/").parse(tree)
        #expect(parsed.diagnostics.isEmpty)
        return (BuiltSite(output: output), parsed)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ text: String?) throws -> T {
        try JSONDecoder().decode(type, from: Data(try #require(text).utf8))
    }

    @Test("comparison JSON, from YAML and from CSV sources, decodes to the parsed comparison")
    func comparisonJSON() async throws {
        let (site, parsed) = try await build()
        for source in parsed.comparisons where source.optionsFrom == nil {
            let decoded = try decode(Comparison.self, site["data/comparisons/\(source.comparison.id).json"])
            #expect(decoded.retyped() == source.comparison)
        }
        #expect(parsed.comparisons.map(\.comparison.id).sorted() == ["editors", "hosting", "models"])
    }

    @Test("decision JSON decodes to the parsed decision and carries the format version")
    func decisionJSON() async throws {
        let (site, parsed) = try await build()
        let decoded = try decode(Decision.self, site["data/decision-helper/where.json"])
        #expect(decoded == parsed.decisions.first)
        struct Version: Decodable { let version: Int }
        #expect(try decode(Version.self, site["data/decision-helper/where.json"]).version == DataFiles.version)
        #expect(try decode(Version.self, site["data/comparisons/hosting.json"]).version == DataFiles.version)
    }

    @Test("options_from columns come from the tagged articles, ordered by title, with their facts")
    func optionsFromArticles() async throws {
        let (site, _) = try await build()
        let models = try decode(Comparison.self, site["data/comparisons/models.json"]).retyped()
        #expect(models.options.map(\.id) == ["large", "small"])
        #expect(models.options.map(\.link) == ["/docs/models/large/", "/docs/models/small/"])
        let size = try #require(models.criteria.first { $0.id == "size" })
        #expect(size.values == ["large": .init(value: .number(400), note: nil), "small": .init(value: .number(7), note: nil)])
        let open = try #require(models.criteria.first { $0.id == "open" })
        #expect(open.values["large"] == .init(value: .yesNo(.no), note: "API only."))
    }

    @Test("the published CSV reads back as the same table (text cells carry no notes in CSV)")
    func csvRoundTrip() async throws {
        let (site, parsed) = try await build()
        for source in parsed.comparisons where source.optionsFrom == nil {
            let original = source.comparison
            let csv = try #require(site["data/comparisons/\(original.id).csv"])
            let text = try #require(try? SourceText.decode(Data(csv.utf8), path: "x.csv").get())
            let (reread, diagnostics) = CSVComparisonParser(source: text, id: original.id).parse()
            #expect(diagnostics.isEmpty, "\(diagnostics.map(\.summary))")
            var expected = original
            expected.title = CSVComparisonParser.title(original.id)
            expected.caption = nil
            expected.sources = []
            // A CSV column is known by its name: its id is the name's slug.
            expected.options = original.options.map { .init(id: Slug.make($0.name), name: $0.name, link: nil) }
            let ids = Dictionary(uniqueKeysWithValues: original.options.map { ($0.id, Slug.make($0.name)) })
            for index in expected.criteria.indices {
                let isText = expected.criteria[index].kind == .text
                expected.criteria[index].values = Dictionary(uniqueKeysWithValues: expected.criteria[index].values.map { id, cell in
                    (ids[id]!, isText ? .init(value: cell.value, note: nil) : cell)
                })
            }
            #expect(reread?.comparison == expected)
        }
    }

    @Test("the schema is valid JSON and names every key the decision JSON uses")
    func schema() async throws {
        let (site, _) = try await build()
        let schemaText = try #require(site["data/decision-helper/schema.json"])
        let decisionText = try #require(site["data/decision-helper/where.json"])
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(schemaText.utf8)) as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: Any])
        let decision = try #require(try JSONSerialization.jsonObject(with: Data(decisionText.utf8)) as? [String: Any])
        #expect(Set(decision.keys).isSubset(of: Set(properties.keys)))
        #expect(Set(schema["required"] as? [String] ?? []).isSubset(of: Set(decision.keys)))
    }

    @Test("a site without data publishes no data files")
    func noData() async throws {
        let site = try await TestSite.build(["content/a.md": TestSite.article("A")])
        #expect(!site.paths.contains { $0.hasPrefix("data/") })
    }
}
