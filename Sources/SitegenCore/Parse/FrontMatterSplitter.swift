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
        if text.allSatisfy(\.isWhitespace) { return .failure(.empty) }
        let firstEnd = text.firstIndex(of: "\n") ?? text.endIndex
        guard isFence(text[..<firstEnd], closing: false) else { return .failure(.missingOpeningFence) }
        let yamlStart = firstEnd < text.endIndex ? text.index(after: firstEnd) : firstEnd
        var lineStart = yamlStart
        var lineNumber = 2
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            if isFence(text[lineStart..<lineEnd], closing: true) {
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
                return .success(Parts(
                    yaml: String(text[yamlStart..<lineStart]), yamlFirstLine: 2,
                    body: String(text[bodyStart...]), bodyFirstLine: lineNumber + 1
                ))
            }
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
            lineNumber += 1
        }
        return .failure(.unclosed)
    }

    /// Joins front matter and body into a file; the inverse of `split` for YAML without fence lines.
    public static func join(yaml: String, body: String) -> String {
        "---\n" + yaml + (yaml.isEmpty || yaml.hasSuffix("\n") ? "" : "\n") + "---\n" + body
    }

    private static func isFence(_ line: Substring, closing: Bool) -> Bool {
        var trimmed = line
        while trimmed.last == " " || trimmed.last == "\t" { trimmed.removeLast() }
        return trimmed == "---" || (closing && trimmed == "...")
    }
}
