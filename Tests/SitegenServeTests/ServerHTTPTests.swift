import Foundation
import SitegenCore
import Testing
@testable import SitegenServe

@Suite("Preview server over HTTP")
struct ServerHTTPTests {
    /// The script tag served in a page whose stored bytes are `text`.
    private func liveTag(_ text: String) -> String {
        #"<script src="/__sitegen/live.js" data-sha256="\#(Manifest.sha256(Data(text.utf8)))" defer></script>"#
    }

    @Test("the built site has the files these tests request")
    func fixtureSite() async throws {
        let site = try await ServerFixture.site()
        for path in ["index.html", "blog/first/index.html", "404.html", "assets/site.css", "logo.svg", "data/info.json", "sitemap.xml", "notes.txt"] {
            #expect(site[path] != nil, "missing \(path); have \(site.paths)")
        }
    }

    @Test("pages, assets and static files have their content type, an ETag and the common headers")
    func contentTypes() async throws {
        let live = LiveSite(site: try await ServerFixture.site())
        try await ServerFixture.withServer(live) { port in
            let expected = [
                "/": "text/html; charset=utf-8",
                "/blog/first/": "text/html; charset=utf-8",
                "/assets/site.css": "text/css; charset=utf-8",
                "/logo.svg": "image/svg+xml; charset=utf-8",
                "/data/info.json": "application/json; charset=utf-8",
                "/sitemap.xml": "application/xml; charset=utf-8",
                "/notes.txt": "text/plain; charset=utf-8",
                "/__sitegen/live.js": "text/javascript; charset=utf-8",
            ]
            for (path, type) in expected.sorted(by: { $0.key < $1.key }) {
                let response = try await RawHTTP.request(path, port: port)
                #expect(response.status == 200, "\(path)")
                #expect(response.header("Content-Type") == type, "\(path)")
                #expect(response.header("ETag")?.hasPrefix("\"") == true, "\(path)")
                #expect(response.header("Cache-Control") == "no-cache", "\(path)")
                #expect(response.header("X-Content-Type-Options") == "nosniff", "\(path)")
                #expect(response.header("Content-Length") == String(response.body.count), "\(path)")
            }
        }
    }

    @Test("a static file is sent byte for byte with its manifest hash as a strong ETag")
    func staticBytes() async throws {
        let output = try await ServerFixture.build()
        let live = LiveSite(site: ServedSite(output: output))
        let hash = try #require(output.manifest.entries.first { $0.path == "assets/site.css" }?.sha256)
        try await ServerFixture.withServer(live) { port in
            let response = try await RawHTTP.request("/assets/site.css", port: port)
            #expect(response.text == "body { color: #222; }\n")
            #expect(response.header("ETag") == "\"\(hash)\"")
        }
    }

    @Test("If-None-Match with the ETag, in a list, weak, or * gives 304 without a body; another tag gives 200")
    func conditionalRequests() async throws {
        let live = LiveSite(site: try await ServerFixture.site())
        try await ServerFixture.withServer(live) { port in
            for path in ["/assets/site.css", "/blog/first/"] {
                let etag = try #require(try await RawHTTP.request(path, port: port).header("ETag"))
                for condition in [etag, "\"other\", \(etag)", "W/\(etag)", "*"] {
                    let responses = try await RawHTTP.exchange([
                        ("GET", path, ["If-None-Match": condition]),
                        ("GET", "/notes.txt", [:]),
                    ], port: port)
                    #expect(responses[0].status == 304, "\(path) \(condition)")
                    #expect(responses[0].header("ETag") == etag)
                    #expect(responses[0].header("Cache-Control") == "no-cache")
                    #expect(responses[0].body.isEmpty)
                    // The connection's framing is intact after the 304.
                    #expect(responses[1].text == "plain notes\n")
                }
                let changed = try await RawHTTP.request(path, headers: ["If-None-Match": "\"stale\""], port: port)
                #expect(changed.status == 200)
                #expect(!changed.body.isEmpty)
            }
        }
    }

    @Test("HEAD sends GET's headers and no body, and the connection stays usable")
    func head() async throws {
        let live = LiveSite(site: try await ServerFixture.site())
        try await ServerFixture.withServer(live) { port in
            for path in ["/blog/first/", "/assets/site.css", "/missing/", "/blog/first"] {
                let responses = try await RawHTTP.exchange([("HEAD", path, [:]), ("GET", path, [:])], port: port)
                let (head, get) = (responses[0], responses[1])
                #expect(head.status == get.status, "\(path)")
                #expect(head.body.isEmpty)
                #expect(head.header("Content-Length") == String(get.body.count), "\(path)")
                #expect(head.header("Content-Type") == get.header("Content-Type"), "\(path)")
                #expect(head.header("ETag") == get.header("ETag"), "\(path)")
            }
        }
    }

    @Test("methods other than GET and HEAD get 405 with Allow")
    func methodNotAllowed() async throws {
        let live = LiveSite(site: try await ServerFixture.site())
        try await ServerFixture.withServer(live) { port in
            for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"] {
                let response = try await RawHTTP.request("/", method: method, headers: ["Content-Length": "0"], port: port)
                #expect(response.status == 405, "\(method)")
                #expect(response.header("Allow") == "GET, HEAD", "\(method)")
            }
        }
    }

    @Test("pretty URLs: / and /blog/first/ serve index.html, /blog/first redirects with its query")
    func prettyURLs() async throws {
        let site = try await ServerFixture.site()
        let live = LiveSite(site: site)
        try await ServerFixture.withServer(live) { port in
            let page = try await RawHTTP.request("/blog/first/", port: port)
            #expect(page.status == 200)
            #expect(page.text.contains("<h1>First post</h1>"))
            let home = try await RawHTTP.request("/", port: port)
            #expect(home.status == 200)
            #expect(home.text.contains("/blog/first/"))
            let redirect = try await RawHTTP.request("/blog/first", port: port)
            #expect(redirect.status == 301)
            #expect(redirect.header("Location") == "/blog/first/")
            let withQuery = try await RawHTTP.request("/blog/first?utm=x&y=1", port: port)
            #expect(withQuery.status == 301)
            #expect(withQuery.header("Location") == "/blog/first/?utm=x&y=1")
            let withQueryOnPage = try await RawHTTP.request("/blog/first/?utm=x", port: port)
            #expect(withQueryOnPage.status == 200)
            let encoded = try await RawHTTP.request("/blog/f%69rst/", port: port)
            #expect(encoded.status == 200)
            #expect(encoded.text == page.text)
        }
    }

    @Test("a missing page gets the site's 404 page with status 404, with the live-reload script")
    func notFound() async throws {
        let live = LiveSite(site: try await ServerFixture.site())
        try await ServerFixture.withServer(live) { port in
            for path in ["/nope/", "/nope", "/blog/first/extra", "/assets/missing.css", "/__sitegen/unknown"] {
                let response = try await RawHTTP.request(path, port: port)
                #expect(response.status == 404, "\(path)")
                if path.hasPrefix("/__sitegen/") { continue }
                #expect(response.header("Content-Type") == "text/html; charset=utf-8")
                #expect(response.text == "<html><body>Not here\(liveTag("<html><body>Not here</body></html>"))</body></html>", "\(path)")
            }
        }
    }

    @Test("without a 404 page, a missing page is plain text")
    func plainNotFound() async throws {
        var files = ServerFixture.files
        files["templates/404.mustache"] = "gone"
        let site = try await ServerFixture.site(files)
        let live = LiveSite(site: site)
        try await ServerFixture.withServer(live) { port in
            let response = try await RawHTTP.request("/nope/", port: port)
            #expect(response.status == 404)
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
            #expect(response.text == "gone" + liveTag("gone"))
        }
        let empty = LiveSite()
        try await ServerFixture.withServer(empty) { port in
            let response = try await RawHTTP.request("/", port: port)
            #expect(response.status == 404)
            #expect(response.header("Content-Type") == "text/plain; charset=utf-8")
            #expect(response.text == "Not found\n")
        }
    }

    @Test("served HTML has the script before </body>, with matching length and ETag; stored bytes never do")
    func injection() async throws {
        let output = try await ServerFixture.build()
        let site = ServedSite(output: output)
        let live = LiveSite(site: site)
        let stored = try #require(site["blog/first/index.html"])
        let storedText = String(decoding: stored.bytes, as: UTF8.self)
        #expect(!storedText.contains("__sitegen"))
        for file in output.files {
            guard case .bytes(let data) = file.contents else { continue }
            #expect(!String(decoding: data, as: UTF8.self).contains("__sitegen"), "\(file.path) in dist")
            #expect(site[file.path]?.bytes == data, "\(file.path)")
        }
        try await ServerFixture.withServer(live) { port in
            let response = try await RawHTTP.request("/blog/first/", port: port)
            #expect(response.text == storedText.replacingOccurrences(of: "</body>", with: liveTag(storedText) + "</body>"))
            #expect(response.header("Content-Length") == String(response.body.count))
            #expect(response.header("ETag") == "\"\(stored.sha256)-live\"")
            let css = try await RawHTTP.request("/assets/site.css", port: port)
            #expect(!css.text.contains("__sitegen"))
        }
    }

    @Test("the site is served under its base path; requests outside it are 404s")
    func basePath() async throws {
        let site = try await ServerFixture.site(baseURL: "https://example.com/pr-42/")
        let live = LiveSite(site: site)
        try await ServerFixture.withServer(live, basePath: "/pr-42/") { port in
            let page = try await RawHTTP.request("/pr-42/blog/first/", port: port)
            #expect(page.status == 200)
            #expect(page.text.contains("<h1>First post</h1>"))
            #expect(try await RawHTTP.request("/pr-42/", port: port).status == 200)
            let bare = try await RawHTTP.request("/pr-42", port: port)
            #expect(bare.status == 301)
            #expect(bare.header("Location") == "/pr-42/")
            let redirect = try await RawHTTP.request("/pr-42/blog/first?a=1", port: port)
            #expect(redirect.header("Location") == "/pr-42/blog/first/?a=1")
            let outside = try await RawHTTP.request("/blog/first/", port: port)
            #expect(outside.status == 404)
            #expect(outside.text.contains("Not here"))
            #expect(try await RawHTTP.request("/__sitegen/live.js", port: port).status == 200)
        }
    }

    @Test("the client script opens the event stream, reloads, and shows an accessible overlay")
    func clientScript() async throws {
        let live = LiveSite()
        try await ServerFixture.withServer(live) { port in
            let script = try await RawHTTP.request("/__sitegen/live.js", port: port).text
            for needle in [
                "new EventSource(\"/__sitegen/events\")", "addEventListener(\"reload\"", "addEventListener(\"failed\"",
                "location.reload()", "sessionStorage", "scrollY", "/__sitegen/status", "role\", \"alertdialog\"",
                "aria-live", "Escape", "Build failed \\u2014 showing the last good version", "\"pre\"",
            ] {
                #expect(script.contains(needle), "live.js lacks \(needle)")
            }
            #expect(!script.contains("innerHTML"), "diagnostics are inserted as text")
            #expect(!script.contains("onclick"))
        }
    }

    @Test("a busy port is a clear error naming the port")
    func busyPort() async throws {
        let live = LiveSite()
        try await ServerFixture.withServer(live) { port in
            let second = PreviewServer(live: live, port: port)
            do {
                try await ServerFixture.withTimeout(ServerFixture.patience) { try await second.run() }
                Issue.record("the second server started on a busy port")
            } catch let error as PreviewServerError {
                #expect(error == .portInUse(host: "127.0.0.1", port: port))
                #expect(error.description.contains("port \(port)"))
                #expect(error.description.contains("--port"))
            }
        }
    }

    @Test("an address the machine does not have is a clear error")
    func unavailableAddress() async throws {
        // 203.0.113.0/24 is reserved for documentation: no machine has it.
        let server = PreviewServer(live: LiveSite(), host: "203.0.113.7", port: 0)
        do {
            try await ServerFixture.withTimeout(ServerFixture.patience) { try await server.run() }
            Issue.record("the server bound an address the machine does not have")
        } catch let error as PreviewServerError {
            guard case .cannotListen(let host, let port, let reason) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(host == "203.0.113.7")
            #expect(port == 0)
            #expect(!reason.isEmpty)
            #expect(error.description.hasPrefix("cannot listen on 203.0.113.7 port 0: "))
        }
    }

    @Test("the listening address reports the bound port and the URL to print")
    func address() async throws {
        let live = LiveSite()
        let (addresses, sink) = AsyncStream.makeStream(of: ServerAddress.self)
        let server = PreviewServer(live: live, port: 0, basePath: "pr-42")
        #expect(server.basePath == "/pr-42/")
        let task = Task { try await server.run { sink.yield($0) } }
        let address = try await ServerFixture.withTimeout(ServerFixture.patience) {
            var iterator = addresses.makeAsyncIterator()
            return await iterator.next()
        }
        task.cancel()
        try await ServerFixture.withTimeout(ServerFixture.patience) { try await task.value }
        let bound = try #require(address)
        #expect(bound.port > 0)
        #expect(bound.url == "http://127.0.0.1:\(bound.port)/pr-42/")
        #expect(bound.isLoopback)
        #expect(ServerAddress(host: "::1", port: 8080).url == "http://[::1]:8080/")
        #expect(!ServerAddress(host: "0.0.0.0", port: 8080).isLoopback)
    }

    @Test("cancelling the server's task stops it, closes idle connections and event streams, and frees the port")
    func shutdown() async throws {
        let live = LiveSite()
        let (port, stream, idle) = try await ServerFixture.withServer(live) { port in
            // An open event stream and an idle keep-alive connection must not keep the server running.
            let stream = try await RawEventStream(port: port)
            _ = try await stream.next("event: hello")
            let idle = try await RawEventStream(port: port, path: "/")
            _ = try await idle.next("Not found\n")
            return (port, stream, idle)
        }
        try await stream.waitForClose()
        try await idle.waitForClose()
        await #expect(throws: (any Error).self) {
            _ = try await RawHTTP.request("/", port: port)
        }
    }
}
