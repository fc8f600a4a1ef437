import PropertyBased
import Testing
@testable import SitegenCore

@Suite("CSV reading")
struct CSVTableTests {
    @Test("quotes, escaped quotes, commas and line breaks inside fields, CRLF, positions")
    func examples() throws {
        let table = try CSVTable.parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",é,\n\nlast").get()
        #expect(table.rows.map { $0.map(\.text) } == [["a", "b,c", "say \"hi\""], ["two\nlines", "é", ""], ["last"]])
        #expect(table.rows[1][1].position == FilePosition(line: 3, column: 8))
        #expect(table.rows[2][0].position == FilePosition(line: 5, column: 1))
    }

    @Test("text after a closing quote is an error at that place")
    func strayQuote() {
        guard case .failure(let error) = CSVTable.parse("a,\"b\"c\n") else {
            Issue.record("accepted")
            return
        }
        #expect(error.position == FilePosition(line: 1, column: 6))
    }

    static let pieces = ["a", "B c", ",", "\"", "\n", "é", " ", ";", "1.5", ""]

    @Test("property: writing fields as CSV and reading them back gives the same rows")
    func roundTrip() async {
        let field = Gen.int(in: 0..<Self.pieces.count).array(of: 1...4).map { $0.map { Self.pieces[$0] }.joined() }
        await propertyCheck(input: field.array(of: 1...4).array(of: 1...5)) { rows in
            // A row of one empty field is a blank line, which the reader skips; keep rows non-blank.
            let rows = rows.map { $0.count == 1 && $0[0].isEmpty ? ["x"] : $0 }
            let text = rows.map { $0.map(Self.quoted).joined(separator: ",") }.joined(separator: "\r\n")
            let parsed = try? CSVTable.parse(text).get()
            #expect(parsed?.rows.map { $0.map(\.text) } == rows, "\(text.debugDescription)")
        }
    }

    private static func quoted(_ field: String) -> String {
        "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
