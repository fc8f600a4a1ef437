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
