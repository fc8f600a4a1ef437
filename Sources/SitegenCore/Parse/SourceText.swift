import Foundation
import SitegenText

/// A text file decoded for parsing: valid UTF-8, without a byte-order mark, with `\n` line endings.
struct SourceText: Sendable {
    let path: String
    let text: String

    /// Decodes `data`, or reports where it is not UTF-8.
    static func decode(_ data: Data, path: String) -> Result<SourceText, Diagnostic> {
        data.withUnsafeBytes { raw in
            var bytes = raw.bindMemory(to: UInt8.self)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
            guard var text = String(validating: bytes, as: UTF8.self) else { return .failure(invalid(Array(bytes), path: path)) }
            if bytes.contains(0x0D) {
                text = TextReplacement([("\r\n", "\n"), ("\r", "\n")]).apply(to: text)
            }
            return .success(SourceText(path: path, text: text))
        }
    }

    /// Where `bytes`, which are not valid UTF-8, first go wrong.
    private static func invalid(_ bytes: [UInt8], path: String) -> Diagnostic {
        let bad = firstInvalidUTF8(bytes) ?? bytes.count
        let line = bytes[..<bad].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        let lineStart = bytes[..<bad].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<bad], as: UTF8.self).count + 1
        let byte = bad < bytes.count ? String(bytes[bad], radix: 16, uppercase: true) : "end"
        return .error("invalid UTF-8 (byte 0x\(byte))", file: path, line: line, column: column)
    }

    /// The text of 1-based line `number`, for showing under a diagnostic.
    func line(_ number: Int) -> String? {
        guard number >= 1 else { return nil }
        // On the UTF-8 buffer, much faster than by Character or through the UTF-8 view's indices (a file with
        // many warnings looks up many lines); a newline byte is always a whole scalar.
        var text = text
        return text.withUTF8 { bytes in
            var current = 1
            var start = 0
            while current < number {
                guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
                start = newline + 1
                current += 1
            }
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    /// A diagnostic at a position of this file, with the source line attached.
    func diagnostic(_ severity: Diagnostic.Severity, _ message: String, line: Int?, column: Int?) -> Diagnostic {
        Diagnostic(severity, file: path, line: line, column: column, message: message, sourceLine: line.flatMap(self.line))
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            let second = bytes[index + 1]
            let secondRange: ClosedRange<UInt8> =
                byte == 0xE0 ? 0xA0...0xBF : byte == 0xED ? 0x80...0x9F
                : byte == 0xF0 ? 0x90...0xBF : byte == 0xF4 ? 0x80...0x8F : 0x80...0xBF
            guard secondRange.contains(second) else { return index }
            for offset in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[index + offset]) { return index }
            index += length
        }
        return nil
    }
}
