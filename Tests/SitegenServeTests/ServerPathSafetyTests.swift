import Foundation
import SitegenCore
import Testing
@testable import SitegenServe

@Suite("Preview server path safety")
struct ServerPathSafetyTests {
    @Test("traversal attempts get 400 or 404 and never a file's content", arguments: [
        "/../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/blog/%2F..%2F..%2Fetc/passwd",
        "/a%00b",
        "/..%5c..%5cwindows",
        "//etc/passwd",
        "/a/%2E%2E/b",
        "/blog/../blog/first/",
        "/blog/./first/",
        "/blog/%2e/first/",
        "/..",
        "/%2e%2e",
        "/blog\\first/",
        "/%5cetc/passwd",
        "/%zz",
        "/%e2%28%a1",
        "etc/passwd",
        "http://127.0.0.1/../etc/passwd",
    ])
    func traversal(target: String) async throws {
        let live = LiveSite(site: try await ServerFixture.site())
        try await ServerFixture.withServer(live) { port in
            let response = try await RawHTTP.request(target, port: port)
            #expect([400, 404].contains(response.status), "\(target) → \(response.status)")
            #expect(!response.text.contains("root:"), "\(target)")
            #expect(!response.text.contains("First post"), "\(target)")
            #expect(!response.text.contains("/etc"), "\(target): the body echoes a path")
        }
    }

    @Test("the checks happen before and after decoding", arguments: [
        ("/blog/first/", true), ("/a%20b/", true), ("/caf%C3%A9/", true),
        ("/../x", false), ("/%2e%2E/x", false), ("/a/%2E/b", false), ("/a%2Fb", false), ("/a%5Cb", false),
        ("/a%00", false), ("/a//b", false), ("//", false), ("x", false), ("", false), ("/%", false), ("/%4", false),
        ("/%ff", false), ("/a\\b", false),
    ])
    func requestTargets(target: String, accepted: Bool) {
        let result = RequestTarget.parse(target)
        if accepted {
            #expect((try? result.get()) != nil, "\(target) was refused: \(result)")
        } else {
            #expect((try? result.get()) == nil, "\(target) was accepted")
        }
    }

    @Test("a target keeps its raw path and query and decodes once")
    func decodesOnce() throws {
        let target = try RequestTarget.parse("/a%2541/b%20c/?q=%2F&x").get()
        #expect(target.path == "/a%41/b c/")
        #expect(target.rawPath == "/a%2541/b%20c/")
        #expect(target.query == "q=%2F&x")
    }

    @Test("a symlink in public/ to a file outside the site is never served; one inside public/ is")
    func symlinks() async throws {
        let folder = try TemporarySite()
        defer { folder.remove() }
        let output = try await folder.build()
        let site = ServedSite(output: output)
        #expect(site["leak.txt"] == nil)
        #expect(site["host.txt"] == nil)
        #expect(site["ok.txt"]?.bytes == Data("fine\n".utf8))
        // Whatever the loader lists (it may skip symlinks), what it listed outside public/ was refused.
        let listed = Set(output.files.map(\.path))
        if listed.contains("alias.txt") { #expect(site["alias.txt"]?.bytes == Data("fine\n".utf8)) }
        #expect(site.refusedPaths == ["host.txt", "leak.txt"].filter(listed.contains))
        let live = LiveSite(site: site)
        try await ServerFixture.withServer(live) { port in
            for path in ["/leak.txt", "/host.txt"] {
                let response = try await RawHTTP.request(path, port: port)
                #expect(response.status == 404, "\(path)")
                #expect(!response.text.contains(TemporarySite.secret))
            }
            #expect(try await RawHTTP.request("/ok.txt", port: port).text == "fine\n")
        }
    }

    @Test("disk files outside public/ are refused even when handed over directly")
    func directDiskFiles() throws {
        let folder = try TemporarySite()
        defer { folder.remove() }
        let public_ = folder.root.appendingPathComponent("public")
        let files = [
            OutputFile(path: "leak.txt", contents: .disk(public_.appendingPathComponent("leak.txt"))),
            OutputFile(path: "host.txt", contents: .disk(public_.appendingPathComponent("host.txt"))),
            OutputFile(path: "hostname", contents: .disk(URL(fileURLWithPath: "/etc/hostname"))),
            OutputFile(path: "ok.txt", contents: .disk(public_.appendingPathComponent("ok.txt"))),
            OutputFile(path: "alias.txt", contents: .disk(public_.appendingPathComponent("alias.txt"))),
            OutputFile(path: "folder", contents: .disk(public_.appendingPathComponent("folder"))),
            OutputFile(path: "outside/secret.txt", contents: .disk(public_.appendingPathComponent("outside/secret.txt"))),
            OutputFile(path: "missing.txt", contents: .disk(public_.appendingPathComponent("missing.txt"))),
        ]
        let manifest = Manifest(baseURL: "", entries: [])
        for publicFolder in [nil, public_] {
            let site = ServedSite(files: files, manifest: manifest, publicFolder: publicFolder)
            #expect(site.paths == ["alias.txt", "ok.txt"])
            #expect(site.refusedPaths == ["folder", "host.txt", "hostname", "leak.txt", "missing.txt", "outside/secret.txt"])
            #expect(site["ok.txt"]?.sha256 == Manifest.sha256(Data("fine\n".utf8)))
        }
    }
}

/// A site folder on disk whose public/ holds a file, a symlink to it, and symlinks leading outside the site.
struct TemporarySite {
    static let secret = "top secret outside the site"
    let base: URL
    var root: URL { base.appendingPathComponent("site") }

    init() throws {
        let manager = FileManager.default
        base = manager.temporaryDirectory.appendingPathComponent("sitegen-serve-\(UUID().uuidString)")
        let root = base.appendingPathComponent("site")
        let outside = base.appendingPathComponent("outside")
        for folder in ["site/content/blog", "site/templates", "site/public/folder", "outside"] {
            try manager.createDirectory(at: base.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data(Self.secret.utf8).write(to: outside.appendingPathComponent("secret.txt"))
        for (path, text) in ServerFixture.templates.filter({ !$0.key.hasPrefix("templates/assets/") }) {
            try Data(text.utf8).write(to: root.appendingPathComponent(path))
        }
        try Data(ServerFixture.article("On disk").utf8).write(to: root.appendingPathComponent("content/blog/disk.md"))
        let public_ = root.appendingPathComponent("public")
        try Data("fine\n".utf8).write(to: public_.appendingPathComponent("ok.txt"))
        try manager.createSymbolicLink(atPath: public_.appendingPathComponent("alias.txt").path, withDestinationPath: "ok.txt")
        try manager.createSymbolicLink(
            atPath: public_.appendingPathComponent("leak.txt").path, withDestinationPath: outside.appendingPathComponent("secret.txt").path)
        try manager.createSymbolicLink(atPath: public_.appendingPathComponent("host.txt").path, withDestinationPath: "/etc/hostname")
        try manager.createSymbolicLink(atPath: public_.appendingPathComponent("outside").path, withDestinationPath: outside.path)
    }

    func build() async throws -> BuildOutput {
        let tree = try SiteLoader(root: root, useDefaultTheme: false).load()
        return try await SiteBuilder(options: BuildOptions(now: ServerFixture.now)).build(tree)
    }

    func remove() {
        try? FileManager.default.removeItem(at: base)
    }
}
