import Foundation
import Hummingbird

/// One file of a `ServedSite`: its bytes exactly as built, and how the preview server sends it.
public struct ServedFile: Sendable {
    /// Relative to the output root: `blog/x/index.html`.
    public let path: String
    /// The `Content-Type` header value, e.g. `text/css; charset=utf-8`.
    public let contentType: String
    /// Lower-case hexadecimal SHA-256 of the stored bytes.
    public let sha256: String
    /// The stored bytes, as `sitegen build` writes them (without the live-reload script). The build's own
    /// `Data`, not a copy: a large site's output is held once, not once per snapshot.
    public let bytes: Data
    /// For HTML, the bytes with the live-reload script tag, ready for the wire; nil for other files, which
    /// are sent as they are stored.
    private let injected: ByteBuffer?

    init(path: String, bytes: Data, sha256: String) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
        contentType = ContentType.of(path: path)
        injected = contentType == ContentType.html ? ByteBuffer(bytes: LiveReloadInjection.inject(into: [UInt8](bytes), sha256: sha256)) : nil
    }

    /// What goes over the wire: the stored bytes, or for HTML the bytes with the live-reload script tag.
    var served: ByteBuffer { injected ?? ByteBuffer(bytes: bytes) }

    /// The bytes the server sends: for HTML, the stored bytes with the live-reload script tag.
    public var servedBytes: Data { Data(served.readableBytesView) }

    /// Whether the server adds the live-reload script to this file.
    public var isHTML: Bool { contentType == ContentType.html }

    /// The strong entity tag of the stored bytes: the quoted SHA-256.
    public var etag: String { "\"\(sha256)\"" }

    /// The entity tag of what the server sends: the stored one, with `-live` for HTML, whose bytes differ.
    public var servedETag: String { isHTML ? "\"\(sha256)-live\"" : etag }
}
