import Foundation
import Testing

@Suite("sitegen diff")
struct DiffCommandTests {
    private static let templates = [
        "templates/article.mustache": "{{#article}}<h1>{{title}}</h1>{{{content}}}{{/article}}",
        "templates/list.mustache": "{{#list}}{{heading}}:{{#articles}} {{title}}{{/articles}}{{/list}}",
        "templates/terms.mustache": "{{#terms}}{{#items}}{{name}}={{count}};{{/items}}{{/terms}}",
        "templates/archive.mustache": "{{#archive}}{{#years}}{{year}}:{{count}};{{/years}}{{/archive}}",
        "templates/404.mustache": "not found",
        "templates/redirect.mustache": "{{redirect.target}}",
        "templates/search.mustache": "search",
    ]

    private func write(_ root: URL, _ files: [String: String]) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// A site built twice with the command line, into `old/` and `new/`: between the builds article A's text
    /// is edited, `public/new.txt` added and `public/old.txt` deleted.
    private func twoBuilds() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-diff-\(UUID().uuidString)")
        try write(root, Self.templates.merging([
            "sitegen.yaml": "title: T\nbase_url: https://example.org/\n",
            "content/blog/a.md": "---\ntitle: A\ndate: 2026-01-02\ntags: [x]\n---\nFirst text.\n",
            "content/blog/b.md": "---\ntitle: B\ndate: 2026-01-01\ntags: [y]\n---\nOther text.\n",
            "public/old.txt": "old", "public/same.txt": "same",
        ]) { own, _ in own })
        let first = try CLIHarness.sitegen(["build", "--quiet", "--output", "old"], in: root)
        #expect(first.status == 0, "\(first.stderr)")
        try write(root, ["content/blog/a.md": "---\ntitle: A\ndate: 2026-01-02\ntags: [x]\n---\nFirst text, edited.\n", "public/new.txt": "new"])
        try FileManager.default.removeItem(at: root.appendingPathComponent("public/old.txt"))
        let second = try CLIHarness.sitegen(["build", "--quiet", "--output", "new"], in: root)
        #expect(second.status == 0, "\(second.stderr)")
        return root
    }

    @Test("text, the default: counts, then Added, Changed and Removed")
    func text() throws {
        let root = try twoBuilds()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLIHarness.sitegen(["diff", "old", "new"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            1 added, 8 changed, 1 removed
            Added:
              new.txt
            Changed:
              atom.xml  (Atom feed)
              blog/a/index.html  (A)
              feed.json  (JSON feed)
              feed.xml  (RSS feed)
              search/docs/0.json
              search/index.json
              search/terms/0.json
              tags/x/atom.xml  (Atom feed: Tag x)
            Removed:
              old.txt

            """)
    }

    @Test("markdown: a pull-request comment with the article first, linked under --base-url; written with --output")
    func markdown() throws {
        let root = try twoBuilds()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLIHarness.sitegen(["diff", "old", "new/.sitegen/manifest.json", "--format", "markdown",
                                             "--base-url", "https://preview.example.org/pr-7/", "--output", "comment.md"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOf: root.appendingPathComponent("comment.md"), encoding: .utf8) == """
            ## Changed pages

            8 files changed, 1 added, 1 removed.

            ### Articles

            - Changed: [A](https://preview.example.org/pr-7/blog/a/)

            ### Feeds and sitemap

            - Changed: [Atom feed](https://preview.example.org/pr-7/atom.xml)
            - Changed: [JSON feed](https://preview.example.org/pr-7/feed.json)
            - Changed: [RSS feed](https://preview.example.org/pr-7/feed.xml)
            - Changed: [Atom feed: Tag x](https://preview.example.org/pr-7/tags/x/atom.xml)

            ### Search

            - Changed: [`search/docs/0.json`](https://preview.example.org/pr-7/search/docs/0.json)
            - Changed: [`search/index.json`](https://preview.example.org/pr-7/search/index.json)
            - Changed: [`search/terms/0.json`](https://preview.example.org/pr-7/search/terms/0.json)

            ### Assets and files

            - Added: [`new.txt`](https://preview.example.org/pr-7/new.txt)
            - Removed: `old.txt`

            """)
    }

    @Test("json: counts and each file's path, URL, kind, title and sources")
    func json() throws {
        let root = try twoBuilds()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLIHarness.sitegen(["diff", "old", "new", "--format", "json"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(object["counts"] as? [String: Int] == ["added": 1, "changed": 8, "removed": 1])
        #expect(object["notes"] as? [String] == [])
        let changed = try #require(object["changed"] as? [[String: Any]])
        #expect(changed.map { $0["path"] as? String } == [
            "atom.xml", "blog/a/index.html", "feed.json", "feed.xml", "search/docs/0.json", "search/index.json",
            "search/terms/0.json", "tags/x/atom.xml",
        ])
        #expect(changed[1]["url"] as? String == "/blog/a/")
        #expect(changed[1]["kind"] as? String == "article")
        #expect(changed[1]["title"] as? String == "A")
        #expect(changed[1]["sources"] as? [String] == ["content/blog/a.md"])
        let removed = try #require(object["removed"] as? [[String: Any]])
        #expect(removed.first?["sources"] as? [String] == ["public/old.txt"])
        #expect(removed.first?["kind"] as? String == "static")
    }

    @Test("a folder without a manifest is hashed and the report says so; a missing input, a bad manifest and a usage error exit 2")
    func withoutManifestAndErrors() throws {
        let root = try twoBuilds()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("old/.sitegen/manifest.json"))
        let result = try CLIHarness.sitegen(["diff", "old", "new"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let old = root.appendingPathComponent("old").standardizedFileURL.path
        #expect(result.stdout.hasPrefix("note: \(old) has no .sitegen/manifest.json: its files were hashed, their titles and sources are unknown and their kinds guessed from their paths\n1 added, 8 changed, 1 removed\n"))
        let missing = try CLIHarness.sitegen(["diff", "old", "nowhere"], in: root)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("error: ") && missing.stderr.contains("nowhere: no such file or folder"))
        try Data("{}".utf8).write(to: root.appendingPathComponent("bad.json"))
        let bad = try CLIHarness.sitegen(["diff", "bad.json", "new"], in: root)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.json: not a sitegen manifest"))
        #expect(try CLIHarness.sitegen(["diff", "old", "new", "--format", "html"], in: root).status == 2)
    }
}
