/// Why the preview server could not start. The description is one line, fit for the terminal.
public enum PreviewServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Another process listens on the port.
    case portInUse(host: String, port: Int)
    /// Binding failed for another reason (an unknown host, a privileged port, …).
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            "port \(port) on \(host) is already in use; choose another one with --port (0 picks a free port)"
        case .cannotListen(let host, let port, let reason):
            "cannot listen on \(host) port \(port): \(reason)"
        }
    }
}
