import Foundation
import HTTPTypes
import Hummingbird
import SitegenCore

/// Answers every request of the preview server from the `LiveSite`'s current snapshot: site files with
/// pretty URLs under the base path, the site's 404 page, and the live-reload endpoints under `/__sitegen/`.
/// Serving is a dictionary lookup and a write of bytes prepared with the snapshot.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let live: LiveSite
    /// Starts and ends with `/`.
    let basePath: String
    let heartbeat: Duration
    let script = ServedFile(
        path: "live.js", bytes: Data(LiveReloadScript.source.utf8), sha256: Manifest.sha256(Data(LiveReloadScript.source.utf8)))

    static let contentTypeOptions = HTTPField.Name("X-Content-Type-Options")!

    func respond(to request: Request, context: Context) async throws -> Response {
        let isHead = request.method == .head
        guard request.method == .get || isHead else {
            var headers = Self.commonHeaders
            headers[.allow] = "GET, HEAD"
            return Self.text("Method not allowed\n", status: .methodNotAllowed, headers: headers, isHead: false)
        }
        guard case .success(let target) = RequestTarget.parse(request.head.path ?? "") else {
            return Self.text("Bad request\n", status: .badRequest, isHead: isHead)
        }
        if target.path.hasPrefix("/__sitegen/") {
            return await internalEndpoint(target, request: request, isHead: isHead)
        }
        let site = await live.current
        guard target.path.hasPrefix(basePath) else {
            if target.path + "/" == basePath { return Self.redirect(to: target.rawPath + "/", query: target.query, isHead: isHead) }
            return Self.notFound(site, isHead: isHead)
        }
        let relative = String(target.path.dropFirst(basePath.count))
        let isFolder = relative.isEmpty || relative.hasSuffix("/")
        if let file = site[isFolder ? relative + "index.html" : relative] {
            return Self.serve(file, request: request, isHead: isHead)
        }
        if !isFolder, site[relative + "/index.html"] != nil {
            return Self.redirect(to: target.rawPath + "/", query: target.query, isHead: isHead)
        }
        return Self.notFound(site, isHead: isHead)
    }

    private func internalEndpoint(_ target: RequestTarget, request: Request, isHead: Bool) async -> Response {
        switch target.path {
        case "/__sitegen/live.js":
            return Self.serve(script, request: request, isHead: isHead)
        case "/__sitegen/status":
            let (failing, diagnostics) = await live.status()
            var headers = Self.commonHeaders
            headers[.contentType] = "application/json; charset=utf-8"
            return Self.body(ByteBuffer(bytes: PreviewJSON.status(failing: failing, diagnostics: diagnostics)), status: .ok, headers: headers, isHead: isHead)
        case "/__sitegen/events":
            return eventStream(request: request, isHead: isHead)
        default:
            return Self.text("Not found\n", status: .notFound, isHead: isHead)
        }
    }

    /// Subscribes when the body starts, and ends when the client goes away, the server stops or the
    /// live site finishes its streams.
    private func eventStream(request: Request, isHead: Bool) -> Response {
        var headers = Self.commonHeaders
        headers[.contentType] = "text/event-stream"
        // Asks nginx-style proxies not to hold events back.
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        if isHead {
            var response = Response(status: .ok, headers: headers)
            response.headers[.contentLength] = nil
            return response
        }
        let live = self.live
        let heartbeat = self.heartbeat
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            let events = await live.subscribe()
            do {
                try await request.body.consumeWithCancellationOnInboundClose { _ in
                    try await EventStream.run(events, heartbeat: heartbeat) { frame in try await writer.write(frame) }
                }
            } catch is CancellationError {
                // The client went away or the server is stopping: the stream just ends.
            }
            try await writer.finish(nil)
        })
    }

    // MARK: Responses

    static let commonHeaders: HTTPFields = [
        .cacheControl: "no-cache",
        contentTypeOptions: "nosniff",
    ]

    /// A file with its entity tag, or 304 when the client already has it.
    private static func serve(_ file: ServedFile, request: Request, isHead: Bool) -> Response {
        var headers = commonHeaders
        headers[.eTag] = file.servedETag
        if let condition = IfNoneMatch(request.headers[values: .ifNoneMatch]), condition.matches(file.servedETag) {
            var response = Response(status: .notModified, headers: headers)
            // A 304 has no body; a Content-Length would have to be the full response's.
            response.headers[.contentLength] = nil
            return response
        }
        headers[.contentType] = file.contentType
        return body(file.served, status: .ok, headers: headers, isHead: isHead)
    }

    /// The site's own 404 page (with the live-reload script), or plain text when it has none.
    private static func notFound(_ site: ServedSite, isHead: Bool) -> Response {
        guard let page = site.notFoundPage else { return text("Not found\n", status: .notFound, isHead: isHead) }
        var headers = commonHeaders
        headers[.contentType] = page.contentType
        return body(page.served, status: .notFound, headers: headers, isHead: isHead)
    }

    /// 301 to the same path with a `/`, keeping the query.
    private static func redirect(to path: String, query: String?, isHead: Bool) -> Response {
        var headers = commonHeaders
        headers[.location] = path + (query.map { "?" + $0 } ?? "")
        return text("Moved permanently\n", status: .movedPermanently, headers: headers, isHead: isHead)
    }

    private static func text(_ text: String, status: HTTPResponse.Status, headers: HTTPFields = commonHeaders, isHead: Bool) -> Response {
        var headers = headers
        headers[.contentType] = "text/plain; charset=utf-8"
        return body(ByteBuffer(string: text), status: status, headers: headers, isHead: isHead)
    }

    /// The response with `buffer` as its body; for HEAD, the same headers and no body.
    private static func body(_ buffer: ByteBuffer, status: HTTPResponse.Status, headers: HTTPFields, isHead: Bool) -> Response {
        guard isHead else { return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer)) }
        var headers = headers
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: status, headers: headers)
    }
}
