/// A small JSON value written exactly as `JSONEncoder` with `.sortedKeys` writes it (slashes escaped),
/// for the JSON-LD of every article page, where the encoder's cost showed in rebuild profiles.
enum JSONText: Sendable {
    case string(String)
    case int(Int)
    /// Keys are written sorted; nil values are left out.
    case object([String: JSONText?])

    var serialized: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .string(let text): Self.writeString(text, to: &output)
        case .int(let number): output += String(number)
        case .object(let members):
            output += "{"
            var first = true
            for key in members.keys.sorted() {
                guard let value = members[key] ?? nil else { continue }
                if !first { output += "," }
                first = false
                Self.writeString(key, to: &output)
                output += ":"
                value.write(to: &output)
            }
            output += "}"
        }
    }

    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "/": output += "\\/"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{8}": output += "\\b"
            case "\u{C}": output += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
