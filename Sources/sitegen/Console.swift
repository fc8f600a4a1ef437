import Foundation
import SitegenCore

/// Where the CLI prints: results to stdout, diagnostics to stderr.
struct Console {
    func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Text as it is, to stdout.
    func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        error(diagnostics.map(\.formatted).joined(separator: "\n"))
    }
}

/// The one-line summaries printed at the end of a command.
enum Summary {
    static func line(_ statistics: BuildStatistics, elapsed: Duration, output: String) -> String {
        let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        let counts = [
            count(statistics.articles, "article"), count(statistics.tags, "tag"),
            count(statistics.categories, "category", plural: "categories"),
        ].joined(separator: ", ")
        return "Built \(grouped(statistics.pages)) pages (\(counts)) in \(grouped(milliseconds)) ms → \(output)"
    }

    static func failure(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        var text = "Build failed: \(count(errors, "error"))"
        if warnings > 0 { text += ", \(count(warnings, "warning"))" }
        return text + "; the output folder was not changed."
    }

    static func check(_ report: CheckReport) -> String {
        if report.diagnostics.isEmpty { return "No problems found." }
        return "\(count(report.errorCount, "error")), \(count(report.warningCount, "warning"))."
    }

    static func count(_ value: Int, _ noun: String, plural: String? = nil) -> String {
        "\(grouped(value)) \(value == 1 ? noun : plural ?? noun + "s")"
    }

    /// `1234` → `1,234`.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
