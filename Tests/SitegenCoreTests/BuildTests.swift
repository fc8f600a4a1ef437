import Testing
@testable import SitegenCore

@Suite("Building sites end to end")
struct BuildTests {
    @Test("pretty URLs from paths, slug replacing the last segment, bundles beside their page")
    func urls() async throws {
        let site = try await TestSite.build([
            "content/blog/open-source-vs-proprietary-ai-models.md": TestSite.article("Open"),
            "content/blog/renamed.md": TestSite.article("Renamed", extra: "slug: New Name"),
            "content/blog/bundle/index.md": TestSite.article("Bundle", body: "![d](diagram.svg)"),
            "content/blog/bundle/diagram.svg": "<svg/>",
            "public/images/x.svg": "<svg/>",
        ])
        #expect(site.paths.contains("blog/open-source-vs-proprietary-ai-models/index.html"))
        #expect(site.paths.contains("blog/new-name/index.html"))
        #expect(site.paths.contains("blog/bundle/index.html"))
        #expect(site.paths.contains("blog/bundle/diagram.svg"))
        #expect(site.paths.contains("images/x.svg"))
        #expect(site["blog/bundle/index.html"]?.contains("src=\"/blog/bundle/diagram.svg\"") == true)
    }

    @Test("drafts and future articles only with --drafts and --future")
    func draftsAndFuture() async throws {
        let files = [
            "content/a.md": TestSite.article("A"),
            "content/draft.md": TestSite.article("Draft", extra: "draft: true"),
            "content/future.md": TestSite.article("Future", date: "2030-01-01"),
        ]
        let plain = try await TestSite.build(files)
        #expect(plain.output.statistics.articles == 1)
        #expect(!plain.paths.contains("draft/index.html"))
        let all = try await TestSite.build(files, options: TestSite.options(drafts: true, future: true))
        #expect(all.output.statistics.articles == 3)
        #expect(all.paths.contains("draft/index.html") && all.paths.contains("future/index.html"))
    }

    @Test("content/data holds data, not pages: only comparisons and decisions are published, as data")
    func dataFolder() async throws {
        let site = try await TestSite.build([
            "content/a.md": TestSite.article("A"),
            "content/data/notes/x.md": "not an article",
            "content/data/comparisons/x.csv": "criterion,A,B\nSpeed,1,2\n",
        ])
        #expect(site.output.statistics.articles == 1)
        #expect(site.paths.filter { $0.hasPrefix("data/") } == ["data/comparisons/x.csv", "data/comparisons/x.json"])
    }

    @Test("relative Markdown links become page URLs, anchors kept, under the base path")
    func linkRewriting() async throws {
        let site = try await TestSite.build([
            "content/blog/a.md": TestSite.article("A", body: "[b](../notes/b.md#part-two) and [img](/images/x.svg)"),
            "content/notes/b.md": TestSite.article("B", extra: "slug: bee"),
            "public/images/x.svg": "<svg/>",
        ], options: TestSite.options(baseURL: "https://example.org/pr-42/"))
        let html = try #require(site["blog/a/index.html"])
        #expect(html.contains("href=\"/pr-42/notes/bee/#part-two\""))
        #expect(html.contains("href=\"/pr-42/images/x.svg\""))
    }

    @Test("a missing image is a warning at its position and still carries the base path")
    func missingImage() async throws {
        let site = try await TestSite.build([
            "content/a.md": TestSite.article("A", body: "![gone](/images/gone.png)"),
        ], options: TestSite.options(baseURL: "https://example.org/pr-7/"))
        #expect(site["a/index.html"]?.contains("src=\"/pr-7/images/gone.png\"") == true)
        #expect(site.warnings == ["content/a.md:5:1: warning: image '/images/gone.png' not found in public/"])
    }

    @Test("the home page is paginated, newest first")
    func pagination() async throws {
        var files = ["sitegen.yaml": "page_size: 2\n"]
        for day in 1...5 { files["content/p\(day).md"] = TestSite.article("P\(day)", date: "2026-01-0\(day)") }
        let site = try await TestSite.build(files)
        #expect(site["index.html"] == "My sitegen blog: /p5/ /p4/ [1/3]")
        #expect(site["page/2/index.html"] == "Latest articles, page 2: /p3/ /p2/ [2/3]")
        #expect(site["page/3/index.html"] == "Latest articles, page 3: /p1/ [3/3]")
        #expect(site["page/4/index.html"] == nil)
    }

    @Test("tags differing in case or spacing are one tag with the most common spelling")
    func tagMerging() async throws {
        let site = try await TestSite.build([
            "content/a.md": TestSite.article("A", extra: "tags: [\"open source\", AI]"),
            "content/b.md": TestSite.article("B", extra: "tags: [\"Open  Source\"]"),
            "content/c.md": TestSite.article("C", extra: "tags: open source"),
        ])
        #expect(site["tags/index.html"] == "AI=1;open source=3;")
        #expect(site.paths.contains("tags/open-source/index.html"))
        #expect(site.paths.contains("tags/open-source/atom.xml"))
        #expect(site.warnings == ["content/b.md:4:1: warning: tag spellings 'Open  Source', 'open source' are one tag (/tags/open-source/), shown as 'open source'"])
    }

    @Test("categories, the archive and aliases")
    func categoriesArchiveAliases() async throws {
        let site = try await TestSite.build([
            "content/a.md": TestSite.article("A", date: "2025-05-01", extra: "category: ai\naliases: [\"/old/a/\", \"/legacy.html\"]"),
            "content/b.md": TestSite.article("B", date: "2026-02-01", extra: "category: AI"),
        ])
        #expect(site["categories/index.html"] == "AI=2;")  // a tie goes to the alphabetically first spelling
        #expect(site["archive/index.html"] == "2026:1;2025:1;")
        #expect(site["old/a/index.html"] == "https://example.org/a/")
        #expect(site["legacy.html"] == "https://example.org/a/")
    }

    @Test("a static file and a generated page with the same path is an error")
    func staticCollision() async {
        let diagnostics = await TestSite.failure([
            "content/a.md": TestSite.article("A"),
            "public/a/index.html": "<p>static</p>",
        ])
        #expect(diagnostics.map(\.summary) == ["public/a/index.html: error: /a/ is produced twice: by content/a.md and by public/a/index.html"])
    }

    @Test("raw HTML is omitted with a warning naming the switch; unsafe_html keeps it")
    func rawHTML() async throws {
        let files = ["content/a.md": TestSite.article("A", body: "Hi\n\n<div>raw</div>")]
        let safe = try await TestSite.build(files)
        #expect(safe["a/index.html"]?.contains("<div>raw</div>") == false)
        #expect(safe.warnings == ["content/a.md:7:1: warning: raw HTML is omitted; set 'markdown: {unsafe_html: true}' in sitegen.yaml to keep it"])
        var unsafeFiles = files
        unsafeFiles["sitegen.yaml"] = "markdown:\n  unsafe_html: true\n"
        let unsafe = try await TestSite.build(unsafeFiles)
        #expect(unsafe["a/index.html"]?.contains("<div>raw</div>") == true)
        #expect(unsafe.warnings.isEmpty)
    }

    @Test("YAML features: BOM, CRLF, comments, folded strings, quoted values")
    func yamlFeatures() async throws {
        let text = "\u{FEFF}---\r\n# a comment\r\ntitle: 'It''s: here'\r\ndate: \"2026-01-02T10:30:00+02:00\"\r\ndescription: >\r\n  one\r\n  two\r\n---\r\nBody\r\n"
        let site = try await TestSite.build([
            "content/a.md": text,
            "templates/article.mustache": "{{article.title}}|{{article.description}}|{{article.date.iso}}|{{article.date.display}}",
        ].merging(TestSite.minimalTemplates) { own, _ in own })
        #expect(site["a/index.html"] == "It&#39;s: here|one two\n|2026-01-02T10:30:00+02:00|January 2, 2026")
    }

    @Test("related articles: two points per shared tag, one for the category, newer first on ties, at most related_count")
    func relatedRanking() async throws {
        var files = TestSite.minimalTemplates
        files["templates/article.mustache"] = "{{#article.related}}{{url}} {{/article.related}}"
        files["sitegen.yaml"] = "related_count: 3\n"
        files["content/a.md"] = TestSite.article("A", date: "2026-01-01", extra: "tags: [x, y]\ncategory: c")
        files["content/b.md"] = TestSite.article("B", date: "2026-01-02", extra: "tags: [x, y]")
        files["content/c.md"] = TestSite.article("C", date: "2026-01-03", extra: "tags: [x]\ncategory: c")
        files["content/d.md"] = TestSite.article("D", date: "2026-01-04", extra: "tags: [x]")
        files["content/e.md"] = TestSite.article("E", date: "2026-01-05", extra: "category: c")
        files["content/f.md"] = TestSite.article("F", date: "2026-01-06", extra: "tags: [z]")
        let site = try await TestSite.build(files)
        // b: 4 points; c: 2 + 1 = 3; d: 2; e: 1; f: 0 (never related)
        #expect(site["a/index.html"] == "/b/ /c/ /d/ ")
        #expect(site["f/index.html"] == "")
    }

    @Test("two builds of the same input are byte-identical, with one worker or all cores")
    func determinism() async throws {
        var files = TestSite.themeTemplates
        for index in 0..<40 {
            files["content/p\(index).md"] = TestSite.article("Post \(index)", date: "2026-01-\(10 + index % 18)", extra: "tags: [t\(index % 7), t\(index % 3)]\ncategory: c\(index % 4)", body: "## Part\n\nText \(index).")
        }
        let first = try await TestSite.build(files)
        let second = try await TestSite.build(files)
        #expect(first.output.files == second.output.files)
        var serial = TestSite.options()
        serial.workers = 1
        let single = try await TestSite.build(files, options: serial)
        #expect(single.output.files == first.output.files)
        #expect(single.output.manifest == first.output.manifest)
    }
}
