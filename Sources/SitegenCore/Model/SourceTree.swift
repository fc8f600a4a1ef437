import Foundation

/// Everything a build reads, held in memory and keyed by path relative to the site root.
/// Built from disk by `SiteLoader`, or from literals in tests.
public struct SourceTree: Sendable {
    /// `content/**` files (Markdown and bundle resources), keyed by `content/...` path.
    public var content: [String: Data]
    /// `templates/**/*.mustache` sources keyed by `templates/...` path, plus theme assets under `templates/assets/`.
    public var templates: [String: Data]
    /// `public/**` static files keyed by `public/...` path.
    public var staticFiles: [String: StaticFile]
    /// The config file's text and its path relative to the site root, if there is one.
    public var config: (path: String, text: Data)?

    public init(
        content: [String: Data] = [:], templates: [String: Data] = [:],
        staticFiles: [String: StaticFile] = [:], config: (path: String, text: Data)? = nil
    ) {
        self.content = content
        self.templates = templates
        self.staticFiles = staticFiles
        self.config = config
    }

    /// Builds a tree from one dictionary of `path: text`, sorting paths into their folders; `sitegen.yaml` is the config.
    public init(files: [String: String]) {
        self.init()
        for (path, text) in files {
            let data = Data(text.utf8)
            if path == SiteConfig.fileName {
                config = (path, data)
            } else if path.hasPrefix("content/") {
                content[path] = data
            } else if path.hasPrefix("templates/") {
                templates[path] = data
            } else if path.hasPrefix("public/") {
                staticFiles[path] = .bytes(data)
            }
        }
    }
}

/// A file copied to the output as it is.
public enum StaticFile: Sendable, Hashable {
    /// Bytes held in memory.
    case bytes(Data)
    /// A file on disk, copied by the writer without being read into memory.
    case disk(URL)
}

extension SourceTree {
    /// The tree with each content file of `headLines` cut to its first lines (a copy of them, so the rest of
    /// the bytes can go): once the bodies are rendered, a build that is not edited later needs no more of an
    /// article than the front matter its remaining diagnostics point into. A line ends at `\n`, `\r\n` or a
    /// lone `\r`, as `SourceText` reads it.
    func keepingHeads(_ headLines: [String: Int]) -> SourceTree {
        var tree = self
        tree.keepHeads(headLines)
        return tree
    }

    /// `keepingHeads` in place: a tree no one else holds cuts its files without copying its table of them.
    mutating func keepHeads(_ headLines: [String: Int]) {
        for (path, lines) in headLines {
            guard let data = content[path] else { continue }
            content[path] = data.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                return Data(UnsafeBufferPointer(rebasing: bytes[..<Self.end(ofLines: lines, in: bytes)]))
            }
        }
    }

    /// Where the first `count` lines of `bytes` end, line breaks included.
    private static func end(ofLines count: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var (seen, index) = (0, 0)
        while seen < count && index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x0A {
                seen += 1
            } else if byte == 0x0D {
                if index < bytes.count && bytes[index] == 0x0A { index += 1 }
                seen += 1
            }
        }
        return index
    }
}
