import Hummingbird
import Logging
import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The HTTP side of `sitegen serve`: serves a `LiveSite` from memory over HTTP/1.1, with live reload.
///
/// ```
/// let server = PreviewServer(live: live, port: 8080)
/// try await server.run { address in print("Serving \(address.url)") }   // until the task is cancelled
/// ```
public struct PreviewServer: Sendable {
    /// What is served.
    public let live: LiveSite
    /// The host to bind: `127.0.0.1` by default; another host makes the site reachable from other machines.
    public let host: String
    /// The port to bind; 0 picks a free one.
    public let port: Int
    /// The path the site is served under, starting and ending with `/` (`/pr-42/`); requests outside it
    /// get the 404 page. The live-reload endpoints stay at `/__sitegen/`.
    public let basePath: String
    /// How often an idle event stream gets a comment line.
    public let heartbeat: Duration

    /// A server for `live` on `host`:`port`. `basePath` gets a leading and trailing `/` when it lacks one.
    public init(live: LiveSite, host: String = "127.0.0.1", port: Int, basePath: String = "/", heartbeat: Duration = .seconds(15)) {
        self.live = live
        self.host = host
        self.port = port
        self.basePath = Self.normalized(basePath)
        self.heartbeat = heartbeat
    }

    /// Serves until the calling task is cancelled, then returns once open connections are closed.
    /// `onListening` is called once, with the bound port, when the server accepts connections.
    /// Throws `PreviewServerError` when the address cannot be bound (`.portInUse` for a busy port).
    public func run(onListening: @escaping @Sendable (ServerAddress) async -> Void = { _ in }) async throws {
        let responder = PreviewResponder(live: live, basePath: basePath, heartbeat: heartbeat)
        let (host, port, basePath) = (self.host, self.port, self.basePath)
        var logger = Logger(label: "sitegen.serve")
        // The command line reports the address and errors itself; Hummingbird's own lines would be noise.
        logger.logLevel = .critical
        let application = Application(
            responder: responder,
            // A page reload opens many connections at once, and a load test a thousand: 256 pending ones overflowed.
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), backlog: 4096),
            onServerRunning: { channel in
                await onListening(ServerAddress(host: host, port: channel.localAddress?.port ?? port, basePath: basePath))
            },
            logger: logger
        )
        do {
            try await application.run()
        } catch let error as IOError {
            if error.errnoCode == EADDRINUSE { throw PreviewServerError.portInUse(host: host, port: port) }
            throw PreviewServerError.cannotListen(host: host, port: port, reason: String(cString: strerror(error.errnoCode)).lowercased())
        } catch let error as SocketAddressError {
            throw PreviewServerError.cannotListen(host: host, port: port, reason: "\(error)")
        } catch is CancellationError where Task.isCancelled {
            return
        }
    }

    private static func normalized(_ path: String) -> String {
        var path = path
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }
}
