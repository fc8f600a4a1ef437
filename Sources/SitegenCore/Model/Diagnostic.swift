/// One problem found in the site's input, with where it is.
public struct Diagnostic: Sendable, Hashable, Error {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning, error
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    public var severity: Severity
    /// Path relative to the site root, e.g. `content/blog/x.md`; nil for problems not tied to a file.
    public var file: String?
    /// 1-based; nil when the whole file is meant.
    public var line: Int?
    public var column: Int?
    public var message: String
    /// The offending source line, shown under the message.
    public var sourceLine: String?

    public init(
        _ severity: Severity, file: String?, line: Int? = nil, column: Int? = nil,
        message: String, sourceLine: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.sourceLine = sourceLine
    }

    public static func error(_ message: String, file: String?, line: Int? = nil, column: Int? = nil) -> Diagnostic {
        Diagnostic(.error, file: file, line: line, column: column, message: message)
    }

    public static func warning(_ message: String, file: String?, line: Int? = nil, column: Int? = nil) -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, column: column, message: message)
    }

    /// `path:line:column: severity: message`, as compilers print it.
    public var summary: String {
        var location = ""
        if let file {
            location = file
            if let line {
                location += ":\(line)"
                if let column { location += ":\(column)" }
            }
            location += ": "
        }
        return "\(location)\(severity.rawValue): \(message)"
    }

    /// The summary followed by the source line and a caret under the column.
    public var formatted: String {
        guard let sourceLine else { return summary }
        var text = summary + "\n    " + sourceLine
        if let column, column >= 1 {
            let prefix = sourceLine.prefix(column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
            text += "\n    " + String(prefix) + "^"
        }
        return text
    }
}

extension Diagnostic: Comparable {
    /// Orders by file, line, column, then message, so reports are stable whatever the parallelism.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file ?? "", lhs.line ?? 0, lhs.column ?? 0, lhs.message)
            < (rhs.file ?? "", rhs.line ?? 0, rhs.column ?? 0, rhs.message)
    }
}

extension [Diagnostic] {
    /// `sort()`, done by sorting positions with each file ranked once, then moving each diagnostic once: a
    /// large site's corpus can draw tens of thousands of warnings, and sorting the diagnostics themselves
    /// copied each one and compared paths many times over.
    mutating func sortByPosition() {
        let files = Set(map { $0.file ?? "" }).sorted()
        let ranks = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($1, $0) })
        let keys = map { (ranks[$0.file ?? ""]!, $0.line ?? 0, $0.column ?? 0) }
        let order = indices.sorted { a, b in
            keys[a] != keys[b] ? keys[a] < keys[b] : self[a].message < self[b].message
        }
        permute(to: order)
    }
}

/// Thrown by the pipeline when the input has at least one error; carries every problem found.
public struct BuildFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}

extension Array where Element == Diagnostic {
    var hasErrors: Bool { contains { $0.severity == .error } }
}
