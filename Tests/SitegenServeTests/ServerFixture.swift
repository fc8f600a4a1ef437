import Foundation
import SitegenCore
import Testing
@testable import SitegenServe

/// A small site built in memory, and a preview server on 127.0.0.1 with an ephemeral port for each test.
enum ServerFixture {
    /// 2026-06-01T00:00:00Z, so the build does not depend on the clock.
    static let now = 1_780_272_000

    static let templates: [String: String] = [
        "templates/article.mustache":
            "<!DOCTYPE html>\n<html><head><title>{{#article}}{{title}}{{/article}}</title></head>\n"
            + "<body>{{#article}}<h1>{{title}}</h1>{{{content}}}{{/article}}</body>\n</html>\n",
        "templates/list.mustache": "<!DOCTYPE html>\n<html><body>{{#list}}{{heading}}:{{#articles}} {{url}}{{/articles}}{{/list}}</body></html>\n",
        "templates/terms.mustache": "<html><body>{{#terms}}{{#items}}{{name}}={{count}};{{/items}}{{/terms}}</body></html>",
        "templates/archive.mustache": "<html><body>{{#archive}}{{#years}}{{year}}:{{count}};{{/years}}{{/archive}}</body></html>",
        "templates/404.mustache": "<html><body>Not here</body></html>",
        "templates/redirect.mustache": "<html><body>{{redirect.target}}</body></html>",
        "templates/search.mustache": "<html><body>Search</body></html>",
        "templates/assets/site.css": "body { color: #222; }\n",
    ]

    static func article(_ title: String, date: String = "2026-01-01", body: String = "Text.") -> String {
        "---\ntitle: \"\(title)\"\ndate: \(date)\n---\n\(body)\n"
    }

    /// The site's files: two articles, a theme stylesheet, and static SVG, JSON and text files.
    static let files: [String: String] = templates.merging([
        "content/blog/first.md": article("First post", body: "Hello from the first post."),
        "content/blog/second.md": article("Second post", date: "2026-02-01", body: "The second one."),
        "public/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"></svg>\n",
        "public/data/info.json": "{\"answer\":42}\n",
        "public/notes.txt": "plain notes\n",
    ]) { own, _ in own }

    static func build(_ files: [String: String] = files, baseURL: String? = nil) async throws -> BuildOutput {
        try await SiteBuilder(options: BuildOptions(now: now, baseURL: baseURL)).build(SourceTree(files: files))
    }

    static func site(_ files: [String: String] = files, baseURL: String? = nil) async throws -> ServedSite {
        ServedSite(output: try await build(files, baseURL: baseURL))
    }

    /// Runs `body` with a server for `live` on an ephemeral port, then cancels the server and checks that
    /// it stops (within `patience`).
    static func withServer<T: Sendable>(
        _ live: LiveSite, basePath: String = "/", heartbeat: Duration = .seconds(15),
        _ body: @Sendable (Int) async throws -> T
    ) async throws -> T {
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let server = PreviewServer(live: live, port: 0, basePath: basePath, heartbeat: heartbeat)
        let task = Task {
            defer { portSink.finish() }
            try await server.run { address in portSink.yield(address.port) }
        }
        let port = try await withTimeout(patience) {
            var iterator = ports.makeAsyncIterator()
            return await iterator.next()
        }
        guard let port, port > 0 else {
            task.cancel()
            _ = try await task.value
            throw RawHTTPError(description: "the server did not start")
        }
        let result: Result<T, any Error>
        do {
            result = .success(try await body(port))
        } catch {
            result = .failure(error)
        }
        task.cancel()
        try await withTimeout(patience) { try await task.value }
        return try result.get()
    }

    /// How long a test waits for a server to start, fail or stop before it calls that a hang. Generous: with
    /// the whole suite running on two cores, starting once took over 10 s; the limit times nothing.
    static let patience: Double = 60

    /// `operation`'s result, or a failure after `seconds`, so a hang fails the test instead of blocking it.
    static func withTimeout<T: Sendable>(_ seconds: Double, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                throw RawHTTPError(description: "timed out after \(seconds) s")
            }
            defer { group.cancelAll() }
            guard let result = try await group.next() else { throw RawHTTPError(description: "no result") }
            return result
        }
    }
}
