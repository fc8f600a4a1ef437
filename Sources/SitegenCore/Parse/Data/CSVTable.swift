/// RFC 4180 CSV, read with the position of every field: commas, `"quoted, ""escaped"""` fields,
/// line breaks inside quotes, LF or CRLF line ends. Blank lines are skipped.
struct CSVTable: Sendable {
    struct Field: Sendable, Hashable {
        var text: String
        var position: FilePosition
    }

    /// The rows, each with at least one field.
    var rows: [[Field]]

    /// Why a text is not CSV.
    struct SyntaxError: Error, Equatable {
        var message: String
        var position: FilePosition
    }

    static func parse(_ text: String) -> Result<CSVTable, SyntaxError> {
        var scanner = Scanner(bytes: Array(text.utf8))
        return scanner.table()
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var lineStart = 0

        private var position: FilePosition {
            // Columns count characters, not bytes: UTF-8 continuation bytes are skipped.
            let column = bytes[lineStart..<index].count { $0 & 0xC0 != 0x80 } + 1
            return FilePosition(line: line, column: column)
        }

        mutating func table() -> Result<CSVTable, SyntaxError> {
            var rows: [[Field]] = []
            var row: [Field] = []
            while index < bytes.count {
                if row.isEmpty, isLineEnd(bytes[index]) {
                    skipLineEnd()
                    continue
                }
                switch field() {
                case .failure(let error): return .failure(error)
                case .success(let field): row.append(field)
                }
                if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    if index == bytes.count { row.append(Field(text: "", position: position)) }
                } else {
                    if index < bytes.count { skipLineEnd() }
                    rows.append(row)
                    row = []
                }
            }
            if !row.isEmpty { rows.append(row) }
            return .success(CSVTable(rows: rows))
        }

        private mutating func field() -> Result<Field, SyntaxError> {
            let start = position
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                let begin = index
                while index < bytes.count, bytes[index] != UInt8(ascii: ","), !isLineEnd(bytes[index]) { index += 1 }
                return .success(Field(text: String(decoding: bytes[begin..<index], as: UTF8.self), position: start))
            }
            index += 1
            var text: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        text.append(byte)
                        index += 2
                        continue
                    }
                    index += 1
                    guard index == bytes.count || bytes[index] == UInt8(ascii: ",") || isLineEnd(bytes[index]) else {
                        return .failure(SyntaxError(message: "unexpected text after a closing quote; write a quote inside a quoted field as \"\"", position: position))
                    }
                    return .success(Field(text: String(decoding: text, as: UTF8.self), position: start))
                }
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = index + 1
                }
                text.append(byte)
                index += 1
            }
            return .failure(SyntaxError(message: "unclosed quote: this field has no closing \"", position: start))
        }

        private func isLineEnd(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") }

        private mutating func skipLineEnd() {
            if bytes[index] == UInt8(ascii: "\r") { index += 1 }
            if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
            line += 1
            lineStart = index
        }
    }
}
