import Foundation

extension String {
    /// Escaped for XML text and attribute values. Characters XML 1.0 forbids are dropped.
    var xmlEscaped: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Safe inside a CDATA section: splits any `]]>`.
    var cdataSafe: String { replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>") }
}
