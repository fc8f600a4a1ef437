import Foundation
import Hummingbird

/// The Server-Sent Events of `/__sitegen/events`: `hello` on connect, then `reload` and `failed` for each
/// `LiveEvent`, with a comment line every `heartbeat` so proxies keep the connection open.
enum EventStream {
    /// Sent first; `retry` makes the browser reconnect after a second when the server restarts.
    static let hello = buffer("retry: 1000\nevent: hello\ndata: {}\n\n")
    /// A comment, which `EventSource` ignores.
    static let ping = buffer(": ping\n\n")

    /// The frame of one event; its JSON is one line.
    static func frame(for event: LiveEvent) -> ByteBuffer {
        switch event {
        case .reload(let changed):
            buffer("event: reload\ndata: " + String(decoding: PreviewJSON.reload(changed: changed), as: UTF8.self) + "\n\n")
        case .failed(let diagnostics):
            buffer("event: failed\ndata: " + String(decoding: PreviewJSON.failed(diagnostics), as: UTF8.self) + "\n\n")
        }
    }

    /// Writes `hello`, then a frame for each of `events` and a ping every `heartbeat`, until `events`
    /// ends, the task is cancelled, or `write` throws (the client went away).
    static func run(
        _ events: AsyncStream<LiveEvent>, heartbeat: Duration, write: (ByteBuffer) async throws -> Void
    ) async throws {
        try await write(hello)
        let (frames, sink) = AsyncStream.makeStream(of: ByteBuffer.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await event in events { sink.yield(frame(for: event)) }
                sink.finish()
            }
            group.addTask {
                while true {
                    try await Task.sleep(for: heartbeat)
                    sink.yield(ping)
                }
            }
            for await frame in frames { try await write(frame) }
            group.cancelAll()
        }
    }

    private static func buffer(_ text: String) -> ByteBuffer {
        ByteBuffer(string: text)
    }
}
