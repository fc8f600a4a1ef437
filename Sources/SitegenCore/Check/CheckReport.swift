import Foundation
import SitegenText

/// The findings of `sitegen check`, and their three printed forms.
public struct CheckReport: Sendable {
    /// Sorted by file, line and column.
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count - errorCount }

    /// Every warning made an error (`--strict`).
    public func strict() -> CheckReport {
        CheckReport(diagnostics: diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.severity = .error
            return diagnostic
        })
    }

    /// `path:line:column: severity: message`, the source line and a caret, for people.
    public func text() -> String {
        diagnostics.map { $0.formatted + "\n" }.joined()
    }

    /// One JSON document (keys sorted; format in `docs/check-report.schema.json`).
    public func json(tool: String) -> String {
        let document = JSONDocument(
            version: 1, tool: tool,
            summary: .init(errors: errorCount, warnings: warningCount),
            diagnostics: diagnostics.map {
                .init(severity: $0.severity.rawValue, file: $0.file, line: $0.line, column: $0.column, message: $0.message, sourceLine: $0.sourceLine)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Strings and integers only: encoding cannot fail.
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// GitHub Actions workflow commands, so each problem is shown on the pull request's diff.
    public func github() -> String {
        diagnostics.map { diagnostic in
            var properties: [String] = []
            if let file = diagnostic.file { properties.append("file=" + Self.escapeProperty(file)) }
            if let line = diagnostic.line { properties.append("line=\(line)") }
            if let column = diagnostic.column { properties.append("col=\(column)") }
            properties.append("title=sitegen check")
            return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(Self.escapeData(diagnostic.message))\n"
        }.joined()
    }

    /// The document `json(tool:)` writes.
    public struct JSONDocument: Codable, Sendable, Equatable {
        public var version: Int
        public var tool: String
        public var summary: Summary
        public var diagnostics: [Entry]

        public struct Summary: Codable, Sendable, Equatable {
            public var errors: Int
            public var warnings: Int
        }

        public struct Entry: Codable, Sendable, Equatable {
            public var severity: String
            public var file: String?
            public var line: Int?
            public var column: Int?
            public var message: String
            public var sourceLine: String?

            enum CodingKeys: String, CodingKey {
                case severity, file, line, column, message
                case sourceLine = "source_line"
            }
        }
    }

    // The escaping GitHub's toolkit applies (`@actions/core` `escapeData` / `escapeProperty`).
    static func escapeData(_ text: String) -> String {
        text.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}
