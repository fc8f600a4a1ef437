import Testing
@testable import SitegenCore

/// One small site per kind of problem `sitegen check` finds, with the exact place and message.
@Suite("sitegen check findings")
struct CheckTests {
    private func check(_ files: [String: String], options: BuildOptions = TestSite.options()) async -> [String] {
        var all = files
        if !files.keys.contains(where: { $0.hasPrefix("templates/") }) { all.merge(TestSite.minimalTemplates) { own, _ in own } }
        return await SiteBuilder(options: options).check(SourceTree(files: all)).map(\.summary)
    }

    @Test("a clean site has no findings")
    func clean() async {
        let found = await check([
            "content/a.md": TestSite.article("A", extra: "description: Short.", body: "## Part\n\nSee [b](b.md#part-two) and [here](#part)."),
            "content/b.md": TestSite.article("B", body: "## Part two\n\nText."),
        ])
        #expect(found == [])
    }

    @Test("not problems: `#`, `#top`, query strings, encoded ids, absolute URLs an author wrote, other hosts")
    func noFalsePositives() async {
        let found = await check([
            "content/a.md": TestSite.article("A", body: "## Café\n\n[t](#) [u](#top) [q](b.md?x=1) [c](#caf%C3%A9) [own](https://example.org/elsewhere/) [o](https://other.example/x) [m](mailto:a@b.c)"),
            "content/b.md": TestSite.article("B"),
        ])
        #expect(found == [])
    }

    @Test("front matter: wrong type, bad date, unknown key, empty title, empty and long descriptions")
    func frontMatter() async {
        let long = String(repeating: "x", count: 161)
        let found = await check([
            "content/a.md": "---\ntitle: \"\"\ndate: 2026-13-01\ntags: 5\nauthr: x\ndescription: \"\"\n---\nA\n",
            "content/b.md": TestSite.article("B", extra: "description: \(long)"),
        ])
        #expect(found == [
            "content/a.md:2:1: error: 'title' is empty",
            "content/a.md:3:7: error: 'date' is not a valid date: '2026-13-01' (use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+HH:MM)",
            "content/a.md:4:7: error: 'tags' must be a list of text values or a single text value, found the number 5",
            "content/a.md:5:1: warning: unknown key 'authr'; did you mean 'author'?",
            "content/a.md:6:14: warning: 'description' is empty; lists, feeds and search results show it",
            "content/b.md:4:14: warning: 'description' is 161 characters; search results cut it at about 160",
        ])
    }

    @Test("a link to an anchor that does not exist, in the same article and in another")
    func brokenAnchors() async {
        let found = await check([
            "content/a.md": TestSite.article("A", body: "## Intro\n\nSee [b](b.md#nope), [intro](#intro) and [gone](#gone)."),
            "content/b.md": TestSite.article("B", body: "## Part\n"),
        ])
        #expect(found == [
            "content/a.md:7:5: error: broken link: '/b/#nope' points to an anchor that does not exist: no id 'nope' on /b/",
            "content/a.md:7:41: error: broken link: '#gone' points to an anchor that does not exist: no id 'gone' on /a/",
        ])
    }

    @Test("a link to a missing article, a missing image, a missing static file, a draft")
    func missingTargets() async {
        let found = await check([
            "content/a.md": TestSite.article("A", body: "[x](nope.md) ![i](/img/none.png) [f](/files/none.pdf) [d](draft.md)"),
            "content/draft.md": TestSite.article("D", extra: "draft: true"),
        ])
        #expect(found == [
            "content/a.md:5:1: error: broken link: 'nope.md' does not exist (looked for content/nope.md)",
            "content/a.md:5:14: warning: image '/img/none.png' not found in public/",
            "content/a.md:5:34: error: broken link: '/files/none.pdf' points to /files/none.pdf, which is not in the built site",
            "content/a.md:5:55: error: link to 'draft.md', which is not published in this build (it is a draft; build with --drafts to include it)",
        ])
    }

    @Test("a broken link in a template's output is reported once per template, with the pages")
    func templateLinks() async {
        var templates = TestSite.minimalTemplates
        templates["templates/list.mustache"] = "<a href=\"/nowhere/\">x</a> <a href=\"/a/#top\">top</a>"
        templates["templates/article.mustache"] = "<h1 id=\"top\">{{article.title}}</h1>{{{article.content}}}"
        var files = templates
        files["content/a.md"] = TestSite.article("A")
        let found = await check(files)
        #expect(found == ["templates/list.mustache: error: broken link in the output of templates/list.mustache on /: '/nowhere/' points to /nowhere/, which is not in the built site"])
    }

    @Test("a missing article image shown on several pages is reported once, at the front matter")
    func missingHeroImage() async {
        var files = TestSite.minimalTemplates
        files["templates/article.mustache"] = "{{#article.image}}<img src=\"{{url}}\" alt=\"\">{{/article.image}}"
        files["templates/list.mustache"] = "{{#list.articles}}{{#image}}<img src=\"{{url}}\" alt=\"\">{{/image}}{{/list.articles}}"
        files["content/a.md"] = TestSite.article("A", extra: "image: /img/none.png\nimage_alt: Nothing")
        let found = await check(files)
        #expect(found == ["content/a.md:4:1: warning: image '/img/none.png' not found in public/"])
    }

    @Test("under a preview base path, a root link that leaves the prefix is broken")
    func previewPrefix() async {
        var templates = TestSite.minimalTemplates
        templates["templates/list.mustache"] = "<a href=\"/tags/\">tags</a> <a href=\"https://preview.example.org/other/\">o</a>"
        var files = templates
        files["content/a.md"] = TestSite.article("A")
        let found = await check(files, options: TestSite.options(baseURL: "https://preview.example.org/pr-42/"))
        #expect(found == [
            "templates/list.mustache: error: broken link in the output of templates/list.mustache on /pr-42/: '/tags/' points outside the site's base path /pr-42/",
            "templates/list.mustache: error: broken link in the output of templates/list.mustache on /pr-42/: 'https://preview.example.org/other/' is on this site's host but outside its base path /pr-42/",
        ])
    }

    @Test("duplicate URLs and alias clashes")
    func duplicates() async {
        let found = await check([
            "content/a.md": TestSite.article("A", extra: "slug: same"),
            "content/b.md": TestSite.article("B", extra: "slug: same"),
            "content/c.md": TestSite.article("C", extra: "aliases: [/a-old/]"),
            "content/d.md": TestSite.article("D", extra: "aliases: [/a-old/]"),
        ])
        #expect(found == [
            "content/b.md:4:1: error: /same/ is produced twice: by content/a.md and by content/b.md",
            "content/d.md:4:1: error: /a-old/ is produced twice: by content/c.md and by content/d.md",
        ])
    }

    @Test("image without image_alt, unknown category with a suggestion")
    func imageAndCategory() async {
        let found = await check([
            "sitegen.yaml": "categories: [ai, engineering]\n",
            "content/a.md": TestSite.article("A", extra: "image: https://example.org/x.png\ncategory: enginering"),
        ])
        #expect(found == [
            "content/a.md:4:1: warning: 'image' has no 'image_alt'; describe the image for readers who cannot see it",
            "content/a.md:5:1: error: unknown category 'enginering' (sitegen.yaml allows: ai, engineering); did you mean 'engineering'?",
        ])
    }

    @Test("unknown table and helper ids, and data-file errors")
    func data() async {
        var files = DataFixtures.site(body: "```comparison nope\n```\n")
        files["content/data/decisions/where.yaml"] = DataFixtures.decision.replacingOccurrences(of: "scores: {own: 2}", with: "scores: {owm: 2}")
        let found = await check(files)
        #expect(found == [
            "content/a.md:5:15: error: unknown comparison 'nope': no content/data/comparisons/nope.yaml",
            "content/data/decisions/where.yaml:20:18: error: unknown outcome 'owm' in the scores of question 'team' (outcomes: cloud, own); did you mean 'own'?",
        ])
    }

    @Test("an article with broken front matter is reported once, not again by the links to it")
    func noCascade() async {
        let found = await check([
            "content/a.md": TestSite.article("A", body: "See [b](b.md#part)."),
            "content/b.md": "---\ntitle: B\ndate: never\n---\n## Part\n",
        ])
        #expect(found == ["content/b.md:3:7: error: 'date' is not a valid date: 'never' (use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+HH:MM)"])
    }

    @Test("--strict makes every warning an error; the three formats")
    func reportFormats() {
        let report = CheckReport(diagnostics: [
            Diagnostic(.warning, file: "content/a, b.md", line: 3, column: 7, message: "50% done\nnext", sourceLine: "x: 1"),
            .error("whole site", file: nil),
        ])
        #expect(report.strict().warningCount == 0 && report.strict().errorCount == 2)
        #expect(report.github() == "::warning file=content/a%2C b.md,line=3,col=7,title=sitegen check::50%25 done%0Anext\n::error title=sitegen check::whole site\n")
        #expect(report.text() == "content/a, b.md:3:7: warning: 50% done\nnext\n    x: 1\n        ^\nerror: whole site\n")
        #expect(report.json(tool: "sitegen 0.1.0").contains("\"source_line\" : \"x: 1\""))
    }
}
