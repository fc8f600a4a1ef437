import Foundation
import Testing

/// `docs/ci/preview.sh`, the CI recipe of `docs/ci.md`, run on two commits of a small git repository.
@Suite("The CI recipe: docs/ci/preview.sh")
struct CIRecipeTests {
    static let gitAvailable = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
        FileManager.default.isExecutableFile(atPath: "\($0)/git")
    }
    static let script = CLIHarness.repositoryRoot.appendingPathComponent("docs/ci/preview.sh")
    private static let env = URL(fileURLWithPath: "/usr/bin/env")
    private static let baseURL = "https://preview.example.org/pr-7/"

    private static func article(_ title: String, date: String, tags: [String], body: String) -> String {
        "---\ntitle: \"\(title)\"\ndescription: \"About \(title).\"\ndate: \(date)\ntags: [\(tags.joined(separator: ", "))]\n---\n\n\(body)\n"
    }

    /// The first commit: a config with a base URL and three articles, no templates (the built-in theme).
    private static let site = [
        "sitegen.yaml": "title: Fixture\nbase_url: https://example.org/\n",
        "content/blog/alpha.md": article("Alpha notes", date: "2025-03-01", tags: ["swift", "tools"], body: "Alpha text."),
        "content/blog/beta.md": article("Beta notes", date: "2025-03-02", tags: ["swift", "testing"], body: "Beta text."),
        "content/blog/gamma.md": article("Gamma notes", date: "2025-03-03", tags: ["tools"], body: "Gamma text."),
    ]

    /// A repository and an output folder beside it, both removed by `remove()`.
    struct Fixture {
        var repository: URL
        var out: URL

        func remove() {
            try? FileManager.default.removeItem(at: repository.deletingLastPathComponent())
        }

        func read(_ path: String) throws -> String {
            try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)
        }

        func json(_ path: String) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent(path))) as? [String: Any])
        }

        func exists(_ path: String) -> Bool {
            FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path)
        }
    }

    @discardableResult
    private func git(_ arguments: [String], in folder: URL) throws -> CLIHarness.Result {
        let result = try CLIHarness.run(Self.env, ["git"] + arguments, in: folder)
        try #require(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    private func write(_ files: [String: String], to root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// A repository with two commits: `base`, then `base` with `head` written over it.
    private func repository(base: [String: String] = site, head: [String: String]) throws -> Fixture {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-ci-\(UUID().uuidString)")
        let repository = folder.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        try git(["init", "-q"], in: repository)
        try git(["config", "user.name", "CI Recipe Test"], in: repository)
        try git(["config", "user.email", "ci-recipe@example.org"], in: repository)
        for (files, message) in [(base, "Base"), (head, "Head")] {
            try write(files, to: repository)
            try git(["add", "-A"], in: repository)
            try git(["-c", "commit.gpgsign=false", "commit", "-q", "-m", message], in: repository)
        }
        return Fixture(repository: repository, out: folder.appendingPathComponent("out"))
    }

    private func preview(_ fixture: Fixture) throws -> CLIHarness.Result {
        try CLIHarness.run(
            URL(fileURLWithPath: "/bin/bash"),
            [Self.script.path, "--base", "HEAD~1", "--head", "HEAD", "--base-url", Self.baseURL, "--label", "PR #7", "--out", fixture.out.path],
            in: fixture.repository, environment: ["SITEGEN": CLIHarness.binary.path])
    }

    @Test("docs/ci.md shows the workflow file docs/ci/sitegen-preview.yml exactly")
    func workflowInGuide() throws {
        let docs = CLIHarness.repositoryRoot.appendingPathComponent("docs")
        let workflow = try String(contentsOf: docs.appendingPathComponent("ci/sitegen-preview.yml"), encoding: .utf8)
        let guide = try String(contentsOf: docs.appendingPathComponent("ci.md"), encoding: .utf8)
        #expect(guide.contains("```yaml\n" + workflow + "```\n"))
        #expect(workflow.contains("docs/ci/preview.sh"))
    }

    private func changedArticles(_ report: [String: Any]) -> [String] {
        ((report["changed"] as? [[String: Any]]) ?? []).filter { $0["kind"] as? String == "article" }.compactMap { $0["path"] as? String }
    }

    @Test("one edited article: a preview with the banner, a report naming only that article, a clean check", .enabled(if: gitAvailable, "needs git"))
    func editedArticle() throws {
        let fixture = try repository(head: ["content/blog/beta.md": Self.article("Beta notes", date: "2025-03-02", tags: ["swift", "testing"], body: "Beta text, now longer.")])
        defer { fixture.remove() }
        let result = try preview(fixture)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(!result.stdout.contains("::error"))

        let home = try fixture.read("site/index.html")
        #expect(home.contains("Preview build — not published"))
        #expect(home.contains("PR #7"))

        let comment = try fixture.read("changed-pages.md")
        #expect(comment.contains("- Changed: [Beta notes](https://preview.example.org/pr-7/blog/beta/)"), "\(comment)")
        for untouched in ["Alpha notes", "Gamma notes", "blog/alpha/", "blog/gamma/"] {
            #expect(!comment.contains(untouched), "\(untouched) is listed:\n\(comment)")
        }

        let report = try fixture.json("changed-pages.json")
        #expect(changedArticles(report) == ["blog/beta/index.html"])
        #expect((report["added"] as? [Any])?.isEmpty == true)
        #expect((report["removed"] as? [Any])?.isEmpty == true)

        let check = try fixture.json("check.json")
        #expect((check["summary"] as? [String: Any])?["errors"] as? Int == 0)
        #expect(try git(["status", "--porcelain"], in: fixture.repository).stdout.isEmpty, "the checkout changed")
    }

    @Test("a check error: annotations on stdout, exit 1, and still the preview and the report", .enabled(if: gitAvailable, "needs git"))
    func checkError() throws {
        // An anchor that does not exist: only the check of the built pages finds it, so the site still builds.
        let fixture = try repository(head: ["content/blog/gamma.md": Self.article("Gamma notes", date: "2025-03-03", tags: ["tools"], body: "Gamma text, see [x](#missing).")])
        defer { fixture.remove() }
        let result = try preview(fixture)
        #expect(result.status == 1, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("::error file=content/blog/gamma.md,line=8,col="), "\(result.stdout)")
        #expect(try fixture.read("site/index.html").contains("Preview build — not published"))
        #expect(changedArticles(try fixture.json("changed-pages.json")) == ["blog/gamma/index.html"])
        #expect(try fixture.read("changed-pages.md").contains("[Gamma notes](https://preview.example.org/pr-7/blog/gamma/)"))
        #expect((try fixture.json("check.json")["summary"] as? [String: Any])?["errors"] as? Int == 1)
    }

    @Test("a broken link to a file: annotations, exit 1, no preview (the build fails too) and a report saying so", .enabled(if: gitAvailable, "needs git"))
    func headDoesNotBuild() throws {
        let fixture = try repository(head: ["content/blog/alpha.md": Self.article("Alpha notes", date: "2025-03-01", tags: ["swift", "tools"], body: "Alpha text.\n\n[x](missing.md)")])
        defer { fixture.remove() }
        let result = try preview(fixture)
        #expect(result.status == 1, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("::error file=content/blog/alpha.md,line=10,col=1,title=sitegen check::broken link: 'missing.md' does not exist"), "\(result.stdout)")
        #expect(!fixture.exists("site"))
        #expect(!fixture.exists("changed-pages.json"))
        #expect(try fixture.read("changed-pages.md").contains("No preview: the head revision"))
        #expect((try fixture.json("check.json")["summary"] as? [String: Any])?["errors"] as? Int == 1)
    }

    @Test("a base that does not build: the report says so and counts the preview's pages, all new", .enabled(if: gitAvailable, "needs git"))
    func baseDoesNotBuild() throws {
        var broken = Self.site
        broken["content/blog/alpha.md"] = "---\ntitle: Alpha notes\ndate: someday\n---\nAlpha text.\n"
        let fixture = try repository(base: broken, head: Self.site)
        defer { fixture.remove() }
        let result = try preview(fixture)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stderr.contains("does not build or has no site"))
        let comment = try fixture.read("changed-pages.md")
        let pages = try FileManager.default.subpathsOfDirectory(atPath: fixture.out.appendingPathComponent("site").path)
            .filter { $0.hasSuffix(".html") && !$0.hasPrefix(".sitegen/") }.count
        #expect(comment.contains("All \(pages) pages of the preview are new: the base revision"), "\(comment)")
        let report = try fixture.json("changed-pages.json")
        #expect((report["counts"] as? [String: Int])?["changed"] == 0)
        #expect(((report["added"] as? [[String: Any]]) ?? []).filter { $0["kind"] as? String == "article" }.count == 3)
    }
}
