/// HTML escaping of interpolated values, on UTF-8 bytes: `& < > " '`, as Mustache engines do.
enum HTMLEscape {
    /// Bit `b` is set for each byte `b` below 64 that is escaped: all five are below `?` (0x3F), so one
    /// comparison passes letters and a shift tests the rest.
    private static let escaped: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, to: &output) }
    }

    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = base[index]
            guard byte < 0x3F, escaped >> byte & 1 == 1 else { continue }
            output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart))
            let replacement = replacement(byte)
            output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            runStart = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: bytes.count - runStart))
    }

    private static func replacement(_ byte: UInt8) -> StaticString {
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        default: return "&#39;"
        }
    }
}
