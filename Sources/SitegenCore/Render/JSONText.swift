/// A small JSON value written exactly as `JSONEncoder` with `.sortedKeys` writes it (slashes escaped),
/// for the JSON-LD of every article page, where the encoder's cost showed in rebuild profiles.
enum JSONText: Sendable {
    case string(String)
    case int(Int)
    /// Keys are written sorted; nil values are left out.
    case object([String: JSONText?])

    var serialized: String {
        var output: [UInt8] = []
        output.reserveCapacity(512)
        write(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private func write(to output: inout [UInt8]) {
        switch self {
        case .string(let text): Self.writeString(text, to: &output)
        case .int(let number): output += String(number).utf8
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            var first = true
            for key in members.keys.sorted() {
                guard let value = members[key] ?? nil else { continue }
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                Self.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// `text` as a JSON string, escaped as `JSONEncoder` escapes it (`/` as `\/` unless `escapingSlashes`
    /// is false, as with `.withoutEscapingSlashes`). Read as bytes: every byte that needs escaping is
    /// ASCII, and UTF-8 sequences never contain ASCII bytes.
    static func writeString(_ text: String, to output: inout [UInt8], escapingSlashes: Bool = true) {
        output.append(UInt8(ascii: "\""))
        var text = text
        // Runs that need no escape are copied whole: a large site's manifest is megabytes of paths.
        text.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated()
            where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || (escapingSlashes && byte == UInt8(ascii: "/")) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                appendEscape(of: byte, to: &output)
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(of byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): output += #"\""#.utf8
        case UInt8(ascii: "\\"): output += #"\\"#.utf8
        case UInt8(ascii: "/"): output += #"\/"#.utf8
        case 0x0A: output += #"\n"#.utf8
        case 0x0D: output += #"\r"#.utf8
        case 0x09: output += #"\t"#.utf8
        case 0x08: output += #"\b"#.utf8
        case 0x0C: output += #"\f"#.utf8
        default:
            let hex = String(byte, radix: 16)
            output += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
        }
    }
}
