import Foundation
import SitegenCore
import Testing
@testable import SitegenServe

@Suite("Served site snapshots")
struct ServerSnapshotTests {
    private func site(_ files: [String: String]) -> ServedSite {
        let outputs = files.map { OutputFile(path: $0.key, text: $0.value) }
        return ServedSite(files: outputs, manifest: Manifest(baseURL: "", entries: []))
    }

    @Test("changed paths: differing bytes, additions and removals, as sorted site URLs")
    func changedPaths() {
        let old = site(["index.html": "home", "blog/x/index.html": "x", "assets/site.css": "a", "gone.txt": "g", "same.txt": "s"])
        let new = site(["index.html": "home!", "blog/x/index.html": "x", "assets/site.css": "b", "new/index.html": "n", "same.txt": "s"])
        #expect(new.changedPaths(since: old) == ["/", "/assets/site.css", "/gone.txt", "/new/"])
        #expect(new.changedPaths(since: new) == [])
        #expect(ServedSite().changedPaths(since: old) == ["/", "/assets/site.css", "/blog/x/", "/gone.txt", "/same.txt"])
    }

    @Test("updating a snapshot with a rebuild's fresh files replaces them and names those whose bytes changed")
    func updating() {
        let old = site(["index.html": "home", "blog/x/index.html": "x", "feed.xml": "f"])
        let fresh = [OutputFile(path: "blog/x/index.html", text: "x2"), OutputFile(path: "feed.xml", text: "f")]
        let entries = fresh.map { file -> Manifest.Entry in
            guard case .bytes(let data) = file.contents else { return Manifest.Entry(path: file.path, kind: .static, url: "/") }
            return Manifest.Entry(path: file.path, sha256: Manifest.sha256(data), kind: .article, url: "/" + file.path)
        }
        let (new, changed) = old.updating(fresh, manifest: Manifest(baseURL: "", entries: entries))
        #expect(changed == ["/blog/x/"])
        #expect(new.changedPaths(since: old) == changed)
        #expect(new["blog/x/index.html"].map { String(decoding: $0.bytes, as: UTF8.self) } == "x2")
        #expect(new.paths == old.paths)
    }

    @Test("content types by extension", arguments: [
        ("a/index.html", "text/html; charset=utf-8"), ("site.css", "text/css; charset=utf-8"),
        ("app.js", "text/javascript; charset=utf-8"), ("mod.mjs", "text/javascript; charset=utf-8"),
        ("logo.svg", "image/svg+xml; charset=utf-8"), ("feed.xml", "application/xml; charset=utf-8"),
        ("data.json", "application/json; charset=utf-8"), ("robots.txt", "text/plain; charset=utf-8"),
        ("table.csv", "text/csv; charset=utf-8"), ("a.png", "image/png"), ("b.JPG", "image/jpeg"),
        ("c.jpeg", "image/jpeg"), ("d.gif", "image/gif"), ("e.webp", "image/webp"), ("f.avif", "image/avif"),
        ("g.woff", "font/woff"), ("h.woff2", "font/woff2"), ("favicon.ico", "image/x-icon"),
        ("doc.pdf", "application/pdf"), ("archive.tar.gz", "application/octet-stream"), ("Makefile", "application/octet-stream"),
        (".hidden", "application/octet-stream"), ("dir.v2/file", "application/octet-stream"),
    ])
    func contentTypes(path: String, type: String) {
        #expect(ContentType.of(path: path) == type)
    }

    @Test("entity tags: the manifest's hash, quoted; HTML's served tag has a suffix")
    func etags() async throws {
        let output = try await ServerFixture.build()
        let site = ServedSite(output: output)
        for entry in output.manifest.entries {
            let file = try #require(site[entry.path])
            #expect(file.etag == "\"\(try #require(entry.sha256))\"")
            #expect(file.servedETag == (file.isHTML ? "\"\(entry.sha256!)-live\"" : file.etag))
            #expect(Manifest.sha256(file.bytes) == entry.sha256)
        }
    }

    @Test("the script goes before the last </body>, whatever its case, or at the end")
    func injection() {
        let sha = String(repeating: "ab", count: 32)
        let tag = #"<script src="/__sitegen/live.js" data-sha256="\#(sha)" defer></script>"#
        let cases = [
            ("<html><body>a</body></html>", "<html><body>a\(tag)</body></html>"),
            ("<body>a</BODY >\n", "<body>a\(tag)</BODY >\n"),
            ("<body><pre>&lt;/body></pre>x</body>", "<body><pre>&lt;/body></pre>x\(tag)</body>"),
            ("<p>no body", "<p>no body\(tag)"),
            ("<bodyx></bodyx>", "<bodyx></bodyx>\(tag)"),
            ("", tag),
            ("</body></body>", "</body>\(tag)</body>"),
        ]
        for (html, expected) in cases {
            let result = LiveReloadInjection.inject(into: Array(html.utf8), sha256: sha)
            #expect(String(decoding: result, as: UTF8.self) == expected, "\(html)")
        }
    }

    @Test("If-None-Match: lists, weak tags and *")
    func ifNoneMatch() throws {
        let tag = "\"abc\""
        #expect(IfNoneMatch([]) == nil)
        #expect(try #require(IfNoneMatch([tag])).matches(tag))
        #expect(try #require(IfNoneMatch(["W/\"abc\""])).matches(tag))
        #expect(try #require(IfNoneMatch(["\"x\", \"y\" ,\"abc\""])).matches(tag))
        #expect(try #require(IfNoneMatch(["\"x\"", "\"abc\""])).matches(tag))
        #expect(try #require(IfNoneMatch(["*"])).matches(tag))
        #expect(try #require(IfNoneMatch(["\"a,bc\""])).matches("\"a,bc\""))
        #expect(!(try #require(IfNoneMatch(["\"abcd\", \"ab\""])).matches(tag)))
        #expect(!(try #require(IfNoneMatch(["abc"])).matches(tag)))
    }

    @Test("publish sends reload with the changed URLs and clears the failure; fail keeps the last good site")
    func liveSite() async throws {
        let first = site(["index.html": "one"])
        let second = site(["index.html": "two", "new.txt": "n"])
        let live = LiveSite(site: first)
        var events = await live.subscribe().makeAsyncIterator()

        #expect(await live.publish(second) == ["/", "/new.txt"])
        #expect(await events.next() == .reload(changed: ["/", "/new.txt"]))

        let problem = Diagnostic.error("broken", file: "content/x.md", line: 1, column: 1)
        await live.fail([problem])
        #expect(await events.next() == .failed([problem]))
        #expect(await live.failure == [problem])
        #expect(await live.isFailing)
        #expect(await live.current["index.html"]?.bytes == Data("two".utf8))

        // After a failure even the same site reloads (the overlay must go); then the same site again sends nothing.
        await live.publish(second)
        #expect(await events.next() == .reload(changed: []))
        await live.publish(second)
        await live.publish(first)
        #expect(await events.next() == .reload(changed: ["/", "/new.txt"]))
        #expect(await live.failure.isEmpty)
        #expect(await !live.isFailing)

        await live.finish()
        #expect(await events.next() == nil)
        #expect(await live.subscriberCount == 0)
    }

    @Test("a dropped subscription is removed")
    func unsubscribe() async throws {
        let live = LiveSite()
        var stream: AsyncStream<LiveEvent>? = await live.subscribe()
        #expect(await live.subscriberCount == 1)
        #expect(stream != nil)
        stream = nil
        let deadline = ContinuousClock.now + .seconds(3)
        while await live.subscriberCount > 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(await live.subscriberCount == 0)
    }
}
