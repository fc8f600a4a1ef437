import Foundation

/// One file of the built site.
public struct OutputFile: Sendable, Hashable {
    /// Path relative to the output root, e.g. `blog/x/index.html`.
    public var path: String
    public var contents: StaticFile

    public init(path: String, contents: StaticFile) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: .bytes(Data(text.utf8)))
    }
}

extension StaticFile {
    /// The SHA-256 of bytes held in memory; nil for a file still on disk (the writer hashes it as it copies it).
    var sha256: String? {
        if case .bytes(let data) = self { return Manifest.sha256(data) }
        return nil
    }
}

/// Where `sitegen build` sends the files as they are made, so a large site is never held in memory at
/// once: the write edge (`OutputWriter.Session`), or a collector in tests.
public protocol OutputSink: Sendable {
    func write(_ files: [OutputFile]) async throws
}
