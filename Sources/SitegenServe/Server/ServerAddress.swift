/// Where a running `PreviewServer` listens, with the port actually bound (never 0).
public struct ServerAddress: Sendable, Hashable {
    /// The host the server was asked to bind, e.g. `127.0.0.1`.
    public let host: String
    /// The bound port.
    public let port: Int
    /// The path the site is served under, starting and ending with `/`.
    public let basePath: String

    /// A listening address.
    public init(host: String, port: Int, basePath: String = "/") {
        self.host = host
        self.port = port
        self.basePath = basePath
    }

    /// The site's address, e.g. `http://127.0.0.1:8080/` (IPv6 hosts in brackets).
    public var url: String {
        let name = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "http://\(name):\(port)\(basePath)"
    }

    /// Whether only this machine can connect (`localhost`, `127.x.x.x`, `::1`).
    public var isLoopback: Bool {
        host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
    }
}
