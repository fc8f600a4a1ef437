import Foundation

/// Resolves link and image destinations written in an article to published URLs.
struct LinkResolver: Sendable, Equatable {
    enum Resolution: Equatable, Sendable {
        case unchanged
        case rewritten(String)
        /// A link that cannot work; an error.
        case broken(String)
        /// A local file that is not there; a warning. `url` is the destination to write all the same, if it changes.
        case missing(String, url: String?)
    }

    /// Published article routes by content path.
    let routes: [String: String]
    /// Content paths of articles left out of this build (drafts, future), with the reason.
    let unpublished: [String: String]
    /// Content paths of articles whose own errors keep them out: links to them are not reported again.
    let unbuilt: Set<String>
    /// Output paths of non-Markdown content files (bundle resources and loose files) by content path.
    let contentFiles: [String: String]
    /// Output paths of static files from `public/`.
    let staticOutputs: Set<String>
    let basePath: String
    private let contentOutputs: Set<String>

    init(
        routes: [String: String], unpublished: [String: String], unbuilt: Set<String> = [],
        contentFiles: [String: String], staticOutputs: Set<String>, basePath: String
    ) {
        self.routes = routes
        self.unpublished = unpublished
        self.unbuilt = unbuilt
        self.contentFiles = contentFiles
        self.staticOutputs = staticOutputs
        self.basePath = basePath
        self.contentOutputs = Set(contentFiles.values)
    }

    func resolve(_ destination: String, from articlePath: String, isImage: Bool) -> Resolution {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("//") || Self.hasScheme(destination) {
            return .unchanged
        }
        let splitIndex = destination.firstIndex { $0 == "#" || $0 == "?" } ?? destination.endIndex
        let path = String(destination[..<splitIndex]).removingPercentEncodingSafely
        let suffix = String(destination[splitIndex...])
        if path.hasPrefix("/") { return rootRelative(path, suffix: suffix, isImage: isImage) }
        let target = Self.normalize(directory(of: articlePath) + path)
        if path.hasSuffix(".md") { return markdownLink(target, written: path, suffix: suffix) }
        if let output = contentFiles[target] { return .rewritten(basePath + output + suffix) }
        let kind = isImage ? "image" : "linked file"
        return .missing("\(kind) '\(path)' not found (looked for \(target))", url: nil)
    }

    private func markdownLink(_ target: String, written: String, suffix: String) -> Resolution {
        if let route = routes[target] { return .rewritten(basePath + route + suffix) }
        if unbuilt.contains(target) { return .rewritten(basePath + Routes.article(path: target, slug: nil) + suffix) }
        if let reason = unpublished[target] { return .broken("link to '\(written)', which is not published in this build (\(reason))") }
        return .broken("broken link: '\(written)' does not exist (looked for \(target))")
    }

    private func rootRelative(_ path: String, suffix: String, isImage: Bool) -> Resolution {
        let relative = String(path.dropFirst())
        let url = basePath == "/" ? nil : basePath + relative + suffix
        if isImage, !staticOutputs.contains(relative), !contentOutputs.contains(relative) {
            return .missing("image '\(path)' not found in public/", url: url)
        }
        return url.map(Resolution.rewritten) ?? .unchanged
    }

    private func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// Collapses `.` and `..` segments.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == "..", !parts.isEmpty { parts.removeLast(); continue }
            parts.append(segment)
        }
        return parts.joined(separator: "/")
    }

    /// Whether `text` starts with a URL scheme (`https:`, `mailto:`).
    static func hasScheme(_ text: String) -> Bool {
        // Every link is asked this: ASCII up to the colon is answered on the bytes, without breaking the
        // text into Characters and asking each for its Unicode properties.
        var utf8 = text.utf8.makeIterator()
        guard let first = utf8.next() else { return false }
        guard first.isASCIILetter else { return first >= 0x80 && unicodeHasScheme(text) }
        while let byte = utf8.next() {
            if byte == UInt8(ascii: ":") {
                // A combining mark after the colon makes one Character of the two, which is not a colon.
                guard let next = utf8.next(), next >= 0x80 else { return true }
                return unicodeHasScheme(text)
            }
            if byte >= 0x80 { return unicodeHasScheme(text) }
            guard byte.isASCIILetter || byte.isASCIIDigit || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { return false }
        }
        return false
    }

    /// `hasScheme` by Characters, where the text before its first colon is not all ASCII.
    static func unicodeHasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), let first = text.first, first.isLetter else { return false }
        return text[..<colon].allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }
}

extension String {
    /// The text with percent escapes decoded; itself when they do not decode. Text without `%` (nearly
    /// every link) is returned as it is: Foundation's decoding goes through a bridged string even then,
    /// and was two thirds of resolving a link.
    var removingPercentEncodingSafely: String {
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        return removingPercentEncoding ?? self
    }
}
