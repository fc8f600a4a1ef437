import Foundation
import Testing
@testable import SitegenServe
@testable import SitegenCore

/// `sitegen serve` end to end: a site folder on disk, the session on an ephemeral port, files edited
/// the way an editor saves them, and the effects seen over HTTP and on the event stream.
@Suite("Preview sessions", .serialized)
struct SessionTests {
    private static func site() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-serve-\(UUID().uuidString)")
        let files = [
            "sitegen.yaml": "title: Served\nbase_url: https://example.org/\n",
            "content/a.md": "---\ntitle: Alpha\ndate: 2026-01-01\ntags: [x]\n---\nFirst version.\n",
            "content/b.md": "---\ntitle: Beta\ndate: 2026-01-02\ntags: [x]\n---\nBeta text.\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    /// Saves like an editor that writes a temporary file and renames it over the original.
    private static func save(_ text: String, _ path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    private static func withSession<T: Sendable>(_ root: URL, _ body: @Sendable (Int) async throws -> T) async throws -> T {
        let (ports, sink) = AsyncStream.makeStream(of: Int.self)
        let session = PreviewSession(settings: .init(root: root, port: 0, options: BuildOptions(now: 1_780_272_000)))
        let task = Task { try await session.run(log: { _ in }, onListening: { sink.yield($0.port) }) }
        defer { task.cancel() }
        // The first build runs before the server listens.
        let port = try await ServerFixture.withTimeout(ServerFixture.patience) { () -> Int in
            var iterator = ports.makeAsyncIterator()
            return await iterator.next() ?? 0
        }
        return try await body(port)
    }

    @Test("an edit reaches open pages as a reload event naming the page, then the new content is served")
    func editReloads() async throws {
        let root = try Self.site()
        defer { try? FileManager.default.removeItem(at: root) }
        try await Self.withSession(root) { port in
            let before = try await RawHTTP.request("/a/", port: port)
            #expect(before.status == 200 && before.text.contains("First version."))
            #expect(before.text.contains("/__sitegen/live.js"))
            let events = try await RawEventStream(port: port)
            _ = try await events.next("event: hello")
            _ = try await events.next("\n\n")
            try Self.save("---\ntitle: Alpha\ndate: 2026-01-01\ntags: [x]\n---\nSecond version.\n", "content/a.md", in: root)
            let reload = try await events.next("\n\n", timeout: 10)
            #expect(reload.contains("event: reload") && reload.contains("\"/a/\""))
            #expect(!reload.contains("\"/b/\""))
            let after = try await RawHTTP.request("/a/", port: port)
            #expect(after.text.contains("Second version."))
            #expect(after.header("ETag") != before.header("ETag"))
            await events.close()
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("dist").path))
    }

    @Test("a broken article keeps the last good page and reports the error; fixing it recovers")
    func failureAndRecovery() async throws {
        let root = try Self.site()
        defer { try? FileManager.default.removeItem(at: root) }
        try await Self.withSession(root) { port in
            let events = try await RawEventStream(port: port)
            _ = try await events.next("event: hello")
            _ = try await events.next("\n\n")
            try Self.save("---\ntitle: Beta\ndate: someday\n---\nBroken.\n", "content/b.md", in: root)
            let failed = try await events.next("\n\n", timeout: 10)
            #expect(failed.contains("event: failed") && failed.contains("content/b.md") && failed.contains("'date' is not a valid date"))
            let page = try await RawHTTP.request("/b/", port: port)
            #expect(page.status == 200 && page.text.contains("Beta text."))
            let status = try await RawHTTP.request("/__sitegen/status", port: port)
            #expect(status.text.contains("\"ok\":false") && status.text.contains("\"line\":3"))
            try Self.save("---\ntitle: Beta\ndate: 2026-01-02\n---\nFixed.\n", "content/b.md", in: root)
            let reload = try await events.next("\n\n", timeout: 10)
            #expect(reload.contains("event: reload"))
            #expect(try await RawHTTP.request("/b/", port: port).text.contains("Fixed."))
            #expect(try await RawHTTP.request("/__sitegen/status", port: port).text.contains("\"ok\":true"))
            await events.close()
        }
    }
}
