/// Splits a Markdown file into its YAML front matter and its body.
///
/// The file must start with a line `---`; the front matter ends at the next line that is `---` or `...`.
/// Later `---` lines belong to the body (they are thematic breaks or setext underlines there).
public enum FrontMatterSplitter {
    public struct Parts: Sendable, Hashable {
        /// The YAML between the fences (each line with its `\n`).
        public var yaml: String
        /// 1-based line of the file where the YAML starts.
        public var yamlFirstLine: Int
        /// Everything after the closing fence.
        public var body: String
        /// 1-based line of the file where the body starts.
        public var bodyFirstLine: Int
    }

    public enum Failure: Error, Sendable, Hashable {
        case empty
        case missingOpeningFence
        case unclosed
    }

    /// Splits `text`, which has `\n` line endings and no byte-order mark.
    public static func split(_ text: String) -> Result<Parts, Failure> {
        locate(text).map { found in
            let utf8 = text.utf8
            let yamlStart = utf8.index(utf8.startIndex, offsetBy: found.yaml.lowerBound)
            let yamlEnd = utf8.index(yamlStart, offsetBy: found.yaml.count)
            let bodyStart = utf8.index(utf8.startIndex, offsetBy: found.bodyOffset)
            return Parts(
                yaml: String(text[yamlStart..<yamlEnd]), yamlFirstLine: 2,
                body: String(text[bodyStart...]), bodyFirstLine: found.bodyFirstLine)
        }
    }

    /// Where `split` would cut `text`, as UTF-8 offsets: the YAML's bytes, where the body starts, and the
    /// body's first line. Found on the bytes, without copying the body.
    static func locate(_ text: String) -> Result<(yaml: Range<Int>, bodyOffset: Int, bodyFirstLine: Int), Failure> {
        if isBlank(text) { return .failure(.empty) }
        var text = text
        return text.withUTF8 { bytes in
            let firstEnd = lineEnd(in: bytes, from: 0)
            guard isFence(bytes[..<firstEnd], closing: false) else { return .failure(.missingOpeningFence) }
            let yamlStart = min(firstEnd + 1, bytes.count)
            var lineStart = yamlStart
            var lineNumber = 2
            while lineStart < bytes.count {
                let end = lineEnd(in: bytes, from: lineStart)
                if isFence(bytes[lineStart..<end], closing: true) {
                    return .success((yamlStart..<lineStart, min(end + 1, bytes.count), lineNumber + 1))
                }
                lineStart = min(end + 1, bytes.count)
                lineNumber += 1
            }
            return .failure(.unclosed)
        }
    }

    /// Whether `text` is only white space (as `Character.isWhitespace` has it): looked at byte by byte until
    /// something else or a character beyond ASCII comes.
    private static func isBlank(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte >= 0x80 { return text.allSatisfy(\.isWhitespace) }
            if byte != 0x20 && !(0x09...0x0D).contains(byte) { return false }
        }
        return true
    }

    /// Where the line starting at `start` ends: at its `\n`, or at the end.
    private static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
    }

    /// Joins front matter and body into a file; the inverse of `split` for YAML without fence lines.
    public static func join(yaml: String, body: String) -> String {
        "---\n" + yaml + (yaml.isEmpty || yaml.hasSuffix("\n") ? "" : "\n") + "---\n" + body
    }

    private static func isFence(_ line: Slice<UnsafeBufferPointer<UInt8>>, closing: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { trimmed.removeLast() }
        return trimmed.elementsEqual("---".utf8) || (closing && trimmed.elementsEqual("...".utf8))
    }
}
