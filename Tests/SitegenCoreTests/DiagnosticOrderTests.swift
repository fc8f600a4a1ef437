import PropertyBased
import Testing
@testable import SitegenCore

@Suite("Diagnostic order")
struct DiagnosticOrderTests {
    /// Sorting by ranked positions gives the order `Diagnostic.<` gives, ties included: nil and empty files,
    /// paths that are prefixes of others, missing lines and columns, equal positions with other messages.
    @Test func rankedSortKeepsTheDiagnosticOrder() async {
        let files: [String?] = [nil, "", "content/a.md", "content/b.md", "content/a.md/x", "content/A.md", "templates/é.mustache"]
        let lines: [Int?] = [nil, 1, 2, 10]
        let columns: [Int?] = [nil, 1, 3]
        let messages = ["", "a", "b", "a b"]
        let diagnostic = Gen.int(in: 0..<(files.count * lines.count * columns.count * messages.count * 2)).map { code in
            var rest = code
            func pick<T>(_ values: [T]) -> T {
                defer { rest /= values.count }
                return values[rest % values.count]
            }
            let file = pick(files), line = pick(lines), column = pick(columns), message = pick(messages)
            return Diagnostic(pick([Diagnostic.Severity.warning, .error]), file: file, line: line, column: column, message: message)
        }
        await propertyCheck(input: diagnostic.array(of: 0...24)) { diagnostics in
            var sorted = diagnostics
            sorted.sortByPosition()
            #expect(sorted == diagnostics.sorted())
        }
    }
}
