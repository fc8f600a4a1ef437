import SitegenMarkdown
import Testing
@testable import SitegenCore

/// Every stored property of every view model must be reachable through `TemplateFields.field(_:)`
/// with the same value, or templates would silently print nothing.
@Suite("Template field access")
struct TemplateFieldsTests {
    private func check(_ model: any TemplateFields, path: String = "") {
        for child in Mirror(reflecting: model).children {
            guard let label = child.label else { continue }
            let viaField = model.field(label)
            let direct: Any? = Mirror(reflecting: child.value).displayStyle == .optional ? Mirror(reflecting: child.value).children.first?.value : child.value
            #expect(viaField?.described == direct.map { String(describing: $0) }, "\(path)\(label)")
            if let nested = direct as? any TemplateFields { check(nested, path: "\(path)\(label).") }
            if let list = direct as? [any TemplateFields] { list.prefix(1).forEach { check($0, path: "\(path)\(label)[0].") } }
        }
        #expect(model.field("no-such-field") == nil)
    }

    @Test("article, list, terms, archive and redirect pages expose every field")
    func everyField() async throws {
        var files = TestSite.minimalTemplates
        files["sitegen.yaml"] = "page_size: 1\n"
        files["content/a.md"] = TestSite.article("A", extra: "tags: [x]\ncategory: c\nimage: /i.svg\nimage_alt: I\nupdated: 2026-02-01\naliases: [/old/]", body: "## H2\n\n### H3\n")
        files["content/b.md"] = TestSite.article("B", date: "2026-01-02", extra: "tags: [x]")
        files["public/i.svg"] = "<svg/>"
        let tree = SourceTree(files: files)
        let config = SiteConfig()
        let renderer = try MarkdownRenderer(options: .site)
        let parsed = await ContentParser(config: config, options: TestSite.options(), renderer: renderer, highlighting: nil).parse(tree)
        let (site, _) = await SiteAssembler(config: config).assemble(parsed.articles)
        let models = ViewModels(site: site)
        for job in models.jobs() { check(models.context(for: job)) }
    }
}

extension TemplateValue {
    /// The value as `String(describing:)` shows the stored property (for tests).
    var described: String {
        switch self {
        case .text(let text): return text
        case .flag(let flag): return String(describing: flag)
        case .number(let number): return String(describing: number)
        case .model(let model): return String(describing: model)
        case .models(let models): return String(describing: models)
        case .texts(let texts): return String(describing: texts)
        case .html(let html): return String(describing: html)
        }
    }
}
