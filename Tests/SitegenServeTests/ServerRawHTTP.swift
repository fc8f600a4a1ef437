import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A test failure of the raw client: a socket call failed or timed out.
struct RawHTTPError: Error, CustomStringConvertible {
    var description: String
}

/// One TCP connection to 127.0.0.1 over a blocking socket whose reads and writes time out. Its blocking
/// calls run on their own thread (`RawHTTP.blocking`), never on the cooperative pool the server needs.
final class RawConnection: Sendable {
    let descriptor: Int32

    init(port: Int, timeout: Double = 5) throws {
        #if canImport(Glibc)
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw RawHTTPError(description: "socket() failed") }
        var interval = timeval(tv_sec: Int(timeout), tv_usec: .init((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw RawHTTPError(description: "connect() to port \(port) failed: errno \(errno)") }
    }

    deinit {
        close(descriptor)
    }

    #if canImport(Glibc)
    private static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    private static let sendFlags: Int32 = 0
    #endif

    func write(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Self.sendFlags) }
            guard count > 0 else { throw RawHTTPError(description: "send() failed: errno \(errno)") }
            sent += count
        }
    }

    /// The next bytes received; empty when the server closed the connection. Throws on timeout.
    func receive() throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { throw RawHTTPError(description: "recv() failed or timed out: errno \(errno)") }
        return Array(buffer[..<count])
    }

    /// Shuts the connection down in both directions, as a browser closing the tab does.
    func shutDown() {
        shutdown(descriptor, Int32(SHUT_RDWR))
    }
}

/// A response as it came over the wire.
struct RawResponse {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The first value of a header, by case-insensitive name.
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// Requests written byte for byte, so nothing normalizes `..` or escapes before the server sees them.
enum RawHTTP {
    /// Runs blocking socket work on a thread of its own.
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    /// One request on a new connection; `target` is sent exactly as given.
    static func request(
        _ target: String, method: String = "GET", headers: [String: String] = [:], port: Int
    ) async throws -> RawResponse {
        let responses = try await exchange([(method, target, headers)], port: port)
        guard let response = responses.first else { throw RawHTTPError(description: "no response to \(method) \(target)") }
        return response
    }

    /// Several requests on one keep-alive connection, the last with `Connection: close`; the responses in order.
    static func exchange(_ requests: [(method: String, target: String, headers: [String: String])], port: Int) async throws -> [RawResponse] {
        var text = ""
        for (index, request) in requests.enumerated() {
            text += "\(request.method) \(request.target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
            for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
            if index == requests.count - 1 { text += "Connection: close\r\n" }
            text += "\r\n"
        }
        let payload = text
        let bytes = try await blocking {
            let connection = try RawConnection(port: port)
            try connection.write(payload)
            var received: [UInt8] = []
            while true {
                let chunk = try connection.receive()
                if chunk.isEmpty { break }
                received += chunk
            }
            return received
        }
        return try parse(bytes, methods: requests.map(\.method))
    }

    /// Splits a stream of responses; a response to HEAD, a 304 and a 1xx have no body.
    static func parse(_ bytes: [UInt8], methods: [String]) throws -> [RawResponse] {
        var responses: [RawResponse] = []
        var rest = bytes[...]
        for method in methods {
            guard let end = rest.firstRange(of: Array("\r\n\r\n".utf8)) else {
                throw RawHTTPError(description: "incomplete response head: \(String(decoding: rest, as: UTF8.self))")
            }
            let lines = String(decoding: rest[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
            rest = rest[end.upperBound...]
            let statusParts = lines[0].split(separator: " ")
            guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw RawHTTPError(description: "bad status line \(lines[0])") }
            let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
            var response = RawResponse(status: status, headers: headers, body: [])
            if method == "HEAD" || status == 304 || status < 200 {
                // no body
            } else if let length = response.header("Content-Length").flatMap(Int.init) {
                guard rest.count >= length else { throw RawHTTPError(description: "short body: \(rest.count) of \(length) bytes") }
                response.body = Array(rest.prefix(length))
                rest = rest.dropFirst(length)
            } else if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
                response.body = try dechunk(&rest)
            } else {
                response.body = Array(rest)
                rest = rest[rest.endIndex...]
            }
            responses.append(response)
        }
        if !rest.isEmpty { throw RawHTTPError(description: "\(rest.count) unexpected bytes after the responses") }
        return responses
    }

    private static func dechunk(_ rest: inout ArraySlice<UInt8>) throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            guard let lineEnd = rest.firstRange(of: Array("\r\n".utf8)),
                  let size = Int(String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self), radix: 16) else {
                throw RawHTTPError(description: "bad chunk")
            }
            rest = rest[lineEnd.upperBound...]
            if size == 0 {
                rest = rest.dropFirst(2)
                return body
            }
            body += rest.prefix(size)
            rest = rest.dropFirst(size + 2)
        }
    }
}

/// A long-lived connection (by default to `/__sitegen/events`) whose received text can be awaited piece by piece.
actor RawEventStream {
    private let connection: RawConnection
    private var received: [UInt8] = []
    private var cursor = 0

    init(port: Int, path: String = "/__sitegen/events") async throws {
        connection = try await RawHTTP.blocking {
            let connection = try RawConnection(port: port)
            try connection.write("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
            return connection
        }
    }

    /// Everything received from the previous match's end up to and including the next `marker`.
    /// Throws when it does not arrive within `timeout` seconds or the server closes the stream first.
    func next(_ marker: String, timeout: Double = 5) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(timeout)
        let pattern = Array(marker.utf8)
        while true {
            if let range = received[cursor...].firstRange(of: pattern) {
                let text = String(decoding: received[cursor..<range.upperBound], as: UTF8.self)
                cursor = range.upperBound
                return text
            }
            guard ContinuousClock.now < deadline else {
                throw RawHTTPError(description: "no \(marker.debugDescription) within \(timeout) s; got \(String(decoding: received[cursor...], as: UTF8.self).debugDescription)")
            }
            let connection = self.connection
            let chunk = try await RawHTTP.blocking { try connection.receive() }
            if chunk.isEmpty { throw RawHTTPError(description: "stream closed before \(marker.debugDescription)") }
            received += chunk
        }
    }

    /// The whole text received so far.
    var text: String { String(decoding: received, as: UTF8.self) }

    /// Returns when the server closes the connection; throws when it does not within `timeout` seconds.
    func waitForClose(timeout: Double = 5) async throws {
        let deadline = ContinuousClock.now + .seconds(timeout)
        let connection = self.connection
        while ContinuousClock.now < deadline {
            let chunk = try await RawHTTP.blocking { try connection.receive() }
            if chunk.isEmpty { return }
            received += chunk
        }
        throw RawHTTPError(description: "the server did not close the stream within \(timeout) s")
    }

    /// Closes the connection, as a browser closing the tab does.
    func close() {
        connection.shutDown()
    }
}
