import Foundation
import Testing

@Suite("The sitegen command line")
struct CommandLineTests {
    @Test("build: a folder with only content/ builds with the built-in theme and prints one summary line")
    func buildSummary() throws {
        let root = try CLIHarness.temporarySite(["content/blog/hello.md": "---\ntitle: Hello\ndate: 2026-01-01\ntags: [a, b]\ncategory: notes\n---\nHi.\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLIHarness.sitegen(["build", "--source", root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Built 10 pages (1 article, 2 tags, 1 category) in "))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("dist/blog/hello/index.html").path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("dist/assets/site.css").path))
    }

    @Test("build: errors go to stderr as path:line:column, exit 1, and dist/ is untouched")
    func buildErrors() throws {
        let root = try CLIHarness.temporarySite(["content/a.md": "---\ntitle: A\ndate: 2026-01-01\n---\nA\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try CLIHarness.sitegen(["build"], in: root).status == 0)
        let page = root.appendingPathComponent("dist/a/index.html")
        let before = try Data(contentsOf: page)
        try Data("---\ntitle: A\ndate: someday\n---\nA\n".utf8).write(to: root.appendingPathComponent("content/a.md"))
        let result = try CLIHarness.sitegen(["build"], in: root)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("content/a.md:3:7: error: 'date' is not a valid date: 'someday'"))
        #expect(result.stderr.contains("Build failed: 1 error; the output folder was not changed."))
        #expect(try Data(contentsOf: page) == before)
        let missing = try CLIHarness.sitegen(["build", "--source", root.appendingPathComponent("nope").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("error: no site folder at \(root.appendingPathComponent("nope").path)"))
    }

    @Test("build: broken data (a bad rating, an unknown outcome, an unknown table id) fails with each place, dist/ untouched")
    func brokenData() throws {
        let comparison = "title: T\noptions: [{id: a, name: A}, {id: b, name: B}]\ncriteria:\n  - {name: Speed, kind: rating, values: {a: 4, b: 3}}\n"
        let decision = "title: D\noutcomes:\n  - {id: x, title: X, summary: S}\n  - {id: y, title: Y, summary: S}\nquestions:\n  - id: q\n    text: Q?\n    answers:\n      - {label: One, scores: {x: 1}}\n      - {label: Two, scores: {y: 1}}\n"
        let root = try CLIHarness.temporarySite([
            "content/a.md": "---\ntitle: A\ndate: 2026-01-01\n---\n```comparison t\n```\n\n```decision-helper d\n```\n",
            "content/data/comparisons/t.yaml": comparison, "content/data/decisions/d.yaml": decision,
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try CLIHarness.sitegen(["build"], in: root)
        #expect(first.status == 0, "\(first.stderr)")
        let table = root.appendingPathComponent("dist/data/comparisons/t.json"), page = root.appendingPathComponent("dist/a/index.html")
        let before = try [Data(contentsOf: table), Data(contentsOf: page)]
        try Data(comparison.replacingOccurrences(of: "b: 3", with: "b: 9").utf8).write(to: root.appendingPathComponent("content/data/comparisons/t.yaml"))
        try Data(decision.replacingOccurrences(of: "scores: {y: 1}", with: "scores: {z: 1}").utf8).write(to: root.appendingPathComponent("content/data/decisions/d.yaml"))
        try Data("---\ntitle: A\ndate: 2026-01-01\n---\n```comparison u\n```\n".utf8).write(to: root.appendingPathComponent("content/a.md"))
        let result = try CLIHarness.sitegen(["build"], in: root)
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors == [
            "content/a.md:5:15: error: unknown comparison 'u': no content/data/comparisons/u.yaml",
            "content/data/comparisons/t.yaml:4:51: error: the value of 'b' for 'Speed' must be a rating from 0 to 5 in steps of 0.5, found 9",
            "content/data/decisions/d.yaml:10:31: error: unknown outcome 'z' in the scores of question 'q' (outcomes: x, y); did you mean 'x'?",
        ])
        #expect(try [Data(contentsOf: table), Data(contentsOf: page)] == before)
    }

    @Test("build: SOURCE_DATE_EPOCH decides what is in the future")
    func sourceDateEpoch() throws {
        let root = try CLIHarness.temporarySite(["content/a.md": "---\ntitle: A\ndate: 2030-01-01\n---\nA\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try CLIHarness.sitegen(["build", "--quiet"], in: root, environment: ["SOURCE_DATE_EPOCH": "1800000000"])
        #expect(before.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("dist/a/index.html").path))
        _ = try CLIHarness.sitegen(["build"], in: root, environment: ["SOURCE_DATE_EPOCH": "1900000000"])
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("dist/a/index.html").path))
    }

    @Test("markdown: stdin to stdout through the site's renderer, or plain cmark-gfm with --commonmark")
    func markdown() throws {
        let site = try CLIHarness.sitegen(["markdown"], input: "## Hi \"there\"\n\n| a |\n|---|\n| 1 |\n")
        #expect(site.stdout.hasPrefix("<h2 id=\"hi-there\">Hi “there”<a class=\"heading-anchor\""))
        #expect(site.stdout.contains("<table tabindex=\"0\">"))
        let plain = try CLIHarness.sitegen(["markdown", "--commonmark"], input: "## Hi \"there\"\n\n| a |\n|---|\n")
        #expect(plain.stdout == "<h2>Hi &quot;there&quot;</h2>\n<p>| a |\n|---|</p>\n")
        let unknown = try CLIHarness.sitegen(["markdown", "--extension", "nope"])
        #expect(unknown.status == 2)
    }

    @Test("new: writes content/blog/<slug>.md once and refuses to overwrite it")
    func newArticle() throws {
        let root = try CLIHarness.temporarySite(["sitegen.yaml": "author: Ada\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try CLIHarness.sitegen(["new", "Hello, World!"], in: root, environment: ["SOURCE_DATE_EPOCH": "1773619200"])
        #expect(first.stdout == "Created content/blog/hello-world.md\n")
        let text = try String(contentsOf: root.appendingPathComponent("content/blog/hello-world.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Hello, World!\"\ndescription: \"\"\ndate: \"2026-03-16\"\ncategory: \"\"\ntags: []\nauthor: \"Ada\"\ndraft: true\n---\n"))
        let second = try CLIHarness.sitegen(["new", "Hello, World!"], in: root)
        #expect(second.status == 1)
        #expect(second.stderr.contains("already exists"))
    }

    @Test("--version and --help")
    func versionAndHelp() throws {
        #expect(try CLIHarness.sitegen(["--version"]).stdout == "0.1.0\n")
        let help = try CLIHarness.sitegen(["--help"]).stdout
        for command in ["build", "new", "markdown"] { #expect(help.contains(command)) }
    }
}

@Suite("sitegen check on the command line")
struct CheckCommandTests {
    static let broken = [
        "content/a.md": "---\ntitle: A\ndate: 2026-01-01\nimage: https://cdn.example.net/a.png\n---\n## Start\n\nSee [b](b.md#nope).\n",
        "content/b.md": "---\ntitle: B\ndate: 2026-01-02\n---\nB\n",
    ]

    @Test("text: findings, then a count; exit 1 on errors, 0 with warnings only, 2 on a usage error; nothing written")
    func text() throws {
        let root = try CLIHarness.temporarySite(Self.broken)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLIHarness.sitegen(["check", "--source", root.path])
        #expect(result.status == 1)
        #expect(result.stdout == """
            content/a.md:4:1: warning: 'image' has no 'image_alt'; describe the image for readers who cannot see it
                image: https://cdn.example.net/a.png
                ^
            content/a.md:8:5: error: broken link: '/b/#nope' points to an anchor that does not exist: no id 'nope' on /b/
                See [b](b.md#nope).
                    ^
            1 error, 1 warning.

            """)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("dist").path))
        try Data(Self.broken["content/a.md"]!.replacingOccurrences(of: "#nope", with: "").utf8).write(to: root.appendingPathComponent("content/a.md"))
        #expect(try CLIHarness.sitegen(["check", "--source", root.path]).status == 0)
        #expect(try CLIHarness.sitegen(["check", "--source", root.path, "--strict"]).status == 1)
        #expect(try CLIHarness.sitegen(["check", "--source", root.path, "--format", "xml"]).status == 2)
    }

    @Test("github: one workflow command per finding")
    func github() throws {
        let root = try CLIHarness.temporarySite(Self.broken)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLIHarness.sitegen(["check", "--source", root.path, "--format", "github"])
        #expect(result.status == 1)
        #expect(result.stdout == """
            ::warning file=content/a.md,line=4,col=1,title=sitegen check::'image' has no 'image_alt'; describe the image for readers who cannot see it
            ::error file=content/a.md,line=8,col=5,title=sitegen check::broken link: '/b/#nope' points to an anchor that does not exist: no id 'nope' on /b/

            """)
    }

    @Test("json: one document that follows docs/check-report.schema.json")
    func json() throws {
        let root = try CLIHarness.temporarySite(Self.broken)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLIHarness.sitegen(["check", "--source", root.path, "--format", "json", "--strict"])
        #expect(result.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let schemaURL = CLIHarness.repositoryRoot.appendingPathComponent("docs/check-report.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
        try SchemaSubset.validate(document, against: schema)
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 2)
        #expect(diagnostics[1]["file"] as? String == "content/a.md")
        #expect(diagnostics[1]["line"] as? Int == 8 && diagnostics[1]["column"] as? Int == 5)
        #expect(diagnostics.allSatisfy { $0["severity"] as? String == "error" })
        #expect((document["summary"] as? [String: Int]) == ["errors": 2, "warnings": 0])
    }
}
