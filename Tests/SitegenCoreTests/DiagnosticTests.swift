import Testing
@testable import SitegenCore

/// One test per kind of bad input, asserting the exact file, line, column and message.
@Suite("Diagnostics for invalid input")
struct DiagnosticTests {
    private func only(_ files: [String: String]) async -> Diagnostic? {
        let diagnostics = await TestSite.failure(files)
        #expect(diagnostics.filter { $0.severity == .error }.count == 1, "\(diagnostics.map(\.summary))")
        return diagnostics.first { $0.severity == .error }
    }

    @Test("a file without front matter")
    func missingFrontMatter() async {
        let diagnostic = await only(["content/a.md": "# Hello\n\nNo front matter.\n"])
        #expect(diagnostic?.summary == "content/a.md:1:1: error: missing front matter: the file must start with a '---' line, followed by YAML and a closing '---'")
        #expect(diagnostic?.sourceLine == "# Hello")
    }

    @Test("front matter that is never closed")
    func unclosedFrontMatter() async {
        let diagnostic = await only(["content/a.md": "---\ntitle: A\ndate: 2026-01-01\n\nBody\n"])
        #expect(diagnostic?.summary == "content/a.md:1:1: error: unclosed front matter: no closing '---' line after the opening one")
    }

    @Test("a YAML syntax error is located in the file, not in the block")
    func yamlSyntaxError() async {
        let diagnostic = await only(["content/a.md": "---\ntitle: A\ndate: 2026-01-01\ntags: [a, b\n---\nBody\n"])
        #expect(diagnostic?.summary == "content/a.md:5:1: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)")
    }

    @Test("a YAML error with a bad indentation points at its line and column")
    func yamlMappingError() async {
        let diagnostic = await only(["content/a.md": "---\ntitle: A\ndate: 2026-01-01\n  author: x\n---\nBody\n"])
        #expect(diagnostic?.summary == "content/a.md:4:9: error: YAML syntax error: mapping values are not allowed in this context")
    }

    @Test("a missing title")
    func missingTitle() async {
        let diagnostic = await only(["content/a.md": "---\ndate: 2026-01-01\n---\nBody\n"])
        #expect(diagnostic?.summary == "content/a.md:1:1: error: missing required field 'title'")
    }

    @Test("an empty title")
    func emptyTitle() async {
        let diagnostic = await only(["content/a.md": "---\ntitle: \"  \"\ndate: 2026-01-01\n---\nBody\n"])
        #expect(diagnostic?.summary == "content/a.md:2:1: error: 'title' is empty")
    }

    @Test("a missing date")
    func missingDate() async {
        let diagnostic = await only(["content/a.md": "---\ntitle: A\n---\nBody\n"])
        #expect(diagnostic?.summary == "content/a.md:1:1: error: missing required field 'date'")
    }

    @Test("an unparseable date")
    func badDate() async {
        let diagnostic = await only(["content/a.md": "---\ntitle: A\ndate: 2026-02-30\n---\nBody\n"])
        #expect(diagnostic?.summary == "content/a.md:3:7: error: 'date' is not a valid date: '2026-02-30' (use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+HH:MM)")
    }

    @Test("a value of the wrong type")
    func wrongType() async {
        let diagnostic = await only(["content/a.md": "---\ntitle: A\ndate: 2026-01-01\ntags: 5\n---\nBody\n"])
        #expect(diagnostic?.summary == "content/a.md:4:7: error: 'tags' must be a list of text values or a single text value, found the number 5")
        #expect(diagnostic?.formatted == "content/a.md:4:7: error: 'tags' must be a list of text values or a single text value, found the number 5\n    tags: 5\n          ^")
    }

    @Test("an unknown key is a warning with a suggestion")
    func unknownKey() async throws {
        let site = try await TestSite.build(["content/a.md": "---\ntitle: A\ndate: 2026-01-01\ncatgory: ai\n---\nBody\n"])
        #expect(site.warnings == ["content/a.md:4:1: warning: unknown key 'catgory'; did you mean 'category'?"])
    }

    @Test("two articles with the same URL")
    func duplicateURL() async {
        let diagnostic = await only([
            "content/a.md": TestSite.article("A"),
            "content/b.md": TestSite.article("B", extra: "slug: a"),
        ])
        #expect(diagnostic?.summary == "content/b.md:4:1: error: /a/ is produced twice: by content/a.md and by content/b.md")
    }

    @Test("invalid UTF-8")
    func invalidUTF8() async throws {
        var data = Array("---\ntitle: A\ndate: 2026-01-01\n---\nab".utf8)
        data.append(0xFF)
        var tree = SourceTree(files: TestSite.minimalTemplates)
        tree.content["content/a.md"] = .init(data)
        do {
            _ = try await SiteBuilder(options: TestSite.options()).build(tree)
            Issue.record("expected a failure")
        } catch let failure as BuildFailure {
            #expect(failure.diagnostics.map(\.summary) == ["content/a.md:5:3: error: invalid UTF-8 (byte 0xFF)"])
        }
    }

    @Test("an empty file")
    func emptyFile() async {
        let diagnostic = await only(["content/a.md": ""])
        #expect(diagnostic?.summary == "content/a.md:1:1: error: empty file: an article needs front matter with at least 'title' and 'date'")
    }

    @Test("a broken relative Markdown link")
    func brokenLink() async {
        let diagnostic = await only(["content/blog/a.md": TestSite.article("A", body: "Intro.\n\nSee [b](other.md#x).")])
        #expect(diagnostic?.summary == "content/blog/a.md:7:5: error: broken link: 'other.md' does not exist (looked for content/blog/other.md)")
    }

    @Test("a link to a draft")
    func linkToDraft() async {
        let diagnostic = await only([
            "content/a.md": TestSite.article("A", body: "[b](b.md)"),
            "content/b.md": TestSite.article("B", extra: "draft: true"),
        ])
        #expect(diagnostic?.summary == "content/a.md:5:1: error: link to 'b.md', which is not published in this build (it is a draft; build with --drafts to include it)")
    }

    @Test("a missing template")
    func missingTemplate() async {
        var files = TestSite.minimalTemplates
        files["templates/archive.mustache"] = nil
        files["content/a.md"] = TestSite.article("A")
        let diagnostic = await only(files)
        #expect(diagnostic?.summary == "templates/archive.mustache: error: missing template: the build needs templates/archive.mustache")
    }

    @Test("a partial that does not exist")
    func missingPartial() async {
        var files = TestSite.minimalTemplates
        files["templates/404.mustache"] = "<p>\n  {{> partials/nope }}\n</p>"
        files["content/a.md"] = TestSite.article("A")
        let diagnostic = await only(files)
        #expect(diagnostic?.summary == "templates/404.mustache:2:3: error: missing template 'partials/nope' (no templates/partials/nope.mustache)")
    }

    @Test("a partial that includes itself without end")
    func endlessPartial() async {
        var files = TestSite.minimalTemplates
        files["templates/loop.mustache"] = "x{{>loop}}"
        files["templates/404.mustache"] = "<p>{{>loop}}</p>"
        files["content/a.md"] = TestSite.article("A")
        let diagnostic = await only(files)
        #expect(diagnostic?.summary == "templates/loop.mustache: error: 'loop' is nested 64 deep while rendering '404': it includes itself "
            + "without end (a partial or block that includes itself needs a section that stops it)")
    }

    @Test("a template syntax error names the template file and line")
    func templateSyntaxError() async {
        var files = TestSite.minimalTemplates
        files["templates/404.mustache"] = "<p>\n{{#open}}\nnever closed\n"
        files["content/a.md"] = TestSite.article("A")
        let diagnostic = await only(files)
        #expect(diagnostic?.summary == "templates/404.mustache:2:1: error: template syntax error: section 'open' is never closed (missing {{/open}})")
        #expect(diagnostic?.sourceLine == "{{#open}}")
    }

    @Test("config: unknown key and wrong type, both in one run")
    func configErrors() async {
        let diagnostics = await TestSite.failure([
            "sitegen.yaml": "title: Blog\npage_size: many\nfeeds: 3\n",
            "content/a.md": TestSite.article("A"),
        ])
        #expect(diagnostics.map(\.summary) == [
            "sitegen.yaml:2:12: error: 'page_size' must be a whole number, found the text 'many'",
            "sitegen.yaml:3:1: error: unknown key 'feeds'",
        ])
    }

    @Test("every problem of every file is reported in one run")
    func allProblemsAtOnce() async {
        let diagnostics = await TestSite.failure([
            "content/a.md": "---\ntitle: A\n---\n",
            "content/b.md": "no front matter",
            "content/c.md": TestSite.article("C", extra: "tags: 5"),
        ])
        #expect(diagnostics.map { $0.file ?? "" } == ["content/a.md", "content/b.md", "content/c.md"])
    }
}
