#if arch(x86_64)
import CByteClasses
#endif

/// HTML escaping of interpolated values, on UTF-8 bytes: `& < > " '`, as Mustache engines do.
enum HTMLEscape {
    /// Bit `b` is set for each byte `b` below 64 that is escaped: all five are below `?` (0x3F), so one
    /// comparison passes letters and a shift tests the rest.
    private static let escaped: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, to: &output) }
    }

    /// Appends `bytes` escaped. The runs between escapes are appended whole: found sixteen bytes at a time
    /// in SSE2 on x86-64 (`sitegen_html_plain_length`), a byte at a time elsewhere.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        var index = 0
        while true {
            let runStart = index
            index += plainLength(base + index, bytes.count - index)
            output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart))
            guard index < bytes.count else { return }
            let replacement = replacement(base[index])
            output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            index += 1
        }
    }

    /// How many of the `count` bytes at `start` come before the first to escape.
    @inline(__always)
    private static func plainLength(_ start: UnsafePointer<UInt8>, _ count: Int) -> Int {
        #if arch(x86_64)
        sitegen_html_plain_length(start, count)
        #else
        var index = 0
        while index < count, !(start[index] < 0x3F && escaped >> start[index] & 1 == 1) { index += 1 }
        return index
        #endif
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
