import Foundation
import SitegenCore

/// The JSON the preview server sends: `/__sitegen/status` and the data of `reload` and `failed` events.
/// One line, sorted keys, every diagnostic field present (`null` when unknown).
enum PreviewJSON {
    /// `{"ok": …, "diagnostics": […]}`.
    static func status(failing: Bool, diagnostics: [SitegenCore.Diagnostic]) -> Data {
        encode(Status(ok: !failing, diagnostics: diagnostics.map(Diagnostic.init)))
    }

    /// `{"changed": […]}`.
    static func reload(changed: [String]) -> Data {
        encode(Reload(changed: changed))
    }

    /// `{"diagnostics": […]}`.
    static func failed(_ diagnostics: [SitegenCore.Diagnostic]) -> Data {
        encode(Failed(diagnostics: diagnostics.map(Diagnostic.init)))
    }

    private static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings, numbers, booleans and arrays of them: encoding cannot fail.
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }

    private struct Status: Encodable {
        var ok: Bool
        var diagnostics: [Diagnostic]
    }

    private struct Reload: Encodable {
        var changed: [String]
    }

    private struct Failed: Encodable {
        var diagnostics: [Diagnostic]
    }

    private struct Diagnostic: Encodable {
        var file: String?
        var line: Int?
        var column: Int?
        var severity: String
        var message: String
        var sourceLine: String?

        init(_ diagnostic: SitegenCore.Diagnostic) {
            file = diagnostic.file
            line = diagnostic.line
            column = diagnostic.column
            severity = diagnostic.severity.rawValue
            message = diagnostic.message
            sourceLine = diagnostic.sourceLine
        }

        enum CodingKeys: String, CodingKey {
            case file, line, column, severity, message
            case sourceLine = "source_line"
        }

        // Unknown fields are `null` rather than missing, so the page reads one shape.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(severity, forKey: .severity)
            try container.encode(message, forKey: .message)
            try container.encode(sourceLine, forKey: .sourceLine)
        }
    }
}
