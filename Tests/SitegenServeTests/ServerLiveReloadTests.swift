import Foundation
import SitegenCore
import Testing
@testable import SitegenServe

@Suite("Preview server live reload")
struct ServerLiveReloadTests {
    private let diagnostic = Diagnostic(
        .error, file: "content/blog/first.md", line: 3, column: 7, message: "unknown key \"titel\"", sourceLine: "titel: x")

    private func editedSite() async throws -> ServedSite {
        var files = ServerFixture.files
        files["content/blog/first.md"] = ServerFixture.article("First post", body: "Edited text.")
        return try await ServerFixture.site(files)
    }

    @Test("an open event stream gets hello, then reload with the changed URLs, then failed with the diagnostic")
    func events() async throws {
        let original = try await ServerFixture.site()
        let live = LiveSite(site: original)
        let edited = try await editedSite()
        // The article, the feeds that carry its text and the search index.
        let changed = edited.changedPaths(since: original)
        let expected = ["/atom.xml", "/blog/first/", "/feed.json", "/feed.xml", "/search/docs/1.json", "/search/index.json", "/search/terms/0.json"]
        #expect(changed == expected)
        let diagnostic = self.diagnostic
        try await ServerFixture.withServer(live) { port in
            let stream = try await RawEventStream(port: port)
            let head = try await stream.next("event: hello\ndata: {}\n\n")
            #expect(head.hasPrefix("HTTP/1.1 200"))
            #expect(head.lowercased().contains("content-type: text/event-stream"))
            #expect(head.lowercased().contains("cache-control: no-cache"))

            await live.publish(edited)
            let reload = try await stream.next("\n\n")
            let list = expected.map { "\"\($0)\"" }.joined(separator: ",")
            #expect(reload.contains("event: reload\ndata: {\"changed\":[\(list)]}"), "\(reload)")

            await live.fail([diagnostic])
            let failed = try await stream.next("\n\n")
            #expect(failed.contains("event: failed\ndata: " + #"{"diagnostics":[{"column":7,"file":"content/blog/first.md","line":3,"message":"unknown key \"titel\"","severity":"error","source_line":"titel: x"}]}"#), "\(failed)")

            // The last good site is still served while the build fails.
            let page = try await RawHTTP.request("/blog/first/", port: port)
            #expect(page.text.contains("Edited text."))

            // A successful build after a failure reloads even when nothing changed, so the overlay goes.
            await live.publish(edited)
            let recovered = try await stream.next("\n\n")
            #expect(recovered.contains(#"data: {"changed":[]}"#), "\(recovered)")
            await stream.close()
        }
    }

    @Test("/__sitegen/status reports the failure and its recovery")
    func status() async throws {
        let site = try await ServerFixture.site()
        let live = LiveSite(site: site)
        let diagnostic = Diagnostic(.error, file: nil, message: "templates/404.mustache: no such template")
        try await ServerFixture.withServer(live) { port in
            let ok = try await RawHTTP.request("/__sitegen/status", port: port)
            #expect(ok.status == 200)
            #expect(ok.header("Content-Type") == "application/json; charset=utf-8")
            #expect(ok.text == #"{"diagnostics":[],"ok":true}"#)

            await live.fail([diagnostic])
            let failing = try await RawHTTP.request("/__sitegen/status", port: port)
            #expect(failing.text == #"{"diagnostics":[{"column":null,"file":null,"line":null,"message":"templates/404.mustache: no such template","severity":"error","source_line":null}],"ok":false}"#)

            await live.publish(site)
            #expect(try await RawHTTP.request("/__sitegen/status", port: port).text == #"{"diagnostics":[],"ok":true}"#)
        }
    }

    @Test("an idle event stream gets a comment ping")
    func ping() async throws {
        let live = LiveSite()
        try await ServerFixture.withServer(live, heartbeat: .milliseconds(50)) { port in
            let stream = try await RawEventStream(port: port)
            _ = try await stream.next("event: hello")
            _ = try await stream.next(": ping\n\n", timeout: 3)
        }
    }

    @Test("a closed event stream unsubscribes; every open one gets each event")
    func cleanup() async throws {
        let live = LiveSite(site: try await ServerFixture.site())
        let edited = try await editedSite()
        try await ServerFixture.withServer(live) { port in
            let first = try await RawEventStream(port: port)
            let second = try await RawEventStream(port: port)
            _ = try await first.next("event: hello")
            _ = try await second.next("event: hello")
            #expect(await live.subscriberCount == 2)

            await first.close()
            try await Self.waitUntil { await live.subscriberCount == 1 }

            await live.publish(edited)
            _ = try await second.next("event: reload")
            await second.close()
            try await Self.waitUntil { await live.subscriberCount == 0 }
        }
    }

    @Test("HEAD on the event stream subscribes nothing")
    func headEvents() async throws {
        let live = LiveSite()
        try await ServerFixture.withServer(live) { port in
            let response = try await RawHTTP.request("/__sitegen/events", method: "HEAD", port: port)
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "text/event-stream")
            #expect(await live.subscriberCount == 0)
        }
    }

    /// Polls `condition` every 10 ms for up to 3 seconds.
    private static func waitUntil(_ condition: @Sendable () async -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(3)
        while !(await condition()) {
            guard ContinuousClock.now < deadline else { throw RawHTTPError(description: "condition not met within 3 s") }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
