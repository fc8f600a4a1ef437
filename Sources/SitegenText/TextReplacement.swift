#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Literal search-and-replace over UTF-8, in one pass. Foundation's `replacingOccurrences` goes through
/// NSString on Linux and costs a hundred times more on the per-page path.
public struct TextReplacement: Sendable {
    private let patterns: [(target: [UInt8], replacement: [UInt8])]
    /// First bytes of the targets, so most positions are passed over with one table look-up.
    private let firstBytes: [Bool]
    /// The first byte of every target, when they all have the same one.
    private let onlyFirstByte: UInt8?

    /// Replaces each `target` with its `replacement`; at one position the first listed target that matches wins.
    public init(_ pairs: [(target: String, replacement: String)]) {
        patterns = pairs.filter { !$0.target.isEmpty }.map { (Array($0.target.utf8), Array($0.replacement.utf8)) }
        var table = [Bool](repeating: false, count: 256)
        for pattern in patterns { table[Int(pattern.target[0])] = true }
        firstBytes = table
        onlyFirstByte = Set(patterns.map { $0.target[0] }).count == 1 ? patterns[0].target[0] : nil
    }

    public func apply(to text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let first = firstMatch(in: bytes, from: 0) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + bytes.count / 8)
            var copied = 0
            var match: (position: Int, pattern: Int)? = first
            while let (position, index) = match {
                output.append(contentsOf: bytes[copied..<position])
                output.append(contentsOf: patterns[index].replacement)
                copied = position + patterns[index].target.count
                match = firstMatch(in: bytes, from: copied)
            }
            output.append(contentsOf: bytes[copied...])
            return String(decoding: output, as: UTF8.self)
        } ?? text
    }

    private func firstMatch(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Int)? {
        if let only = onlyFirstByte { return firstMatch(in: bytes, from: start, startingWith: only) }
        return firstBytes.withUnsafeBufferPointer { table in
            var position = start
            while position < bytes.count {
                if table[Int(bytes[position])] {
                    for index in patterns.indices where matches(patterns[index].target, in: bytes, at: position) {
                        return (position, index)
                    }
                }
                position += 1
            }
            return nil
        }
    }

    /// `firstMatch` when every target starts with `first`: `memchr` finds the candidates, many bytes at a time.
    private func firstMatch(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, startingWith first: UInt8) -> (Int, Int)? {
        guard let base = bytes.baseAddress else { return nil }
        var position = start
        while position < bytes.count, let found = memchr(base + position, Int32(first), bytes.count - position) {
            position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            for index in patterns.indices where matches(patterns[index].target, in: bytes, at: position) {
                return (position, index)
            }
            position += 1
        }
        return nil
    }

    private func matches(_ target: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        guard position + target.count <= bytes.count else { return false }
        for offset in 0..<target.count where bytes[position + offset] != target[offset] { return false }
        return true
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement` (see `TextReplacement`).
    public func replacingAll(_ target: String, with replacement: String) -> String {
        TextReplacement([(target, replacement)]).apply(to: self)
    }

    /// Escaped for XML (and HTML) text and attribute values; characters XML 1.0 forbids are dropped.
    public var xmlEscaped: String { xmlEscaped(using: .xml) }

    /// `xmlEscaped` through `escaping`, a replacement made by `TextReplacement.escapingXML(after:)`: its
    /// pairs replaced and the result escaped, in one pass over the text.
    public func xmlEscaped(using escaping: TextReplacement) -> String {
        escaping.apply(to: self).droppingXMLForbiddenControls
    }

    private var droppingXMLForbiddenControls: String {
        guard hasXMLForbiddenCharacters else { return self }
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars where !Self.isXMLForbidden(scalar) { result.append(scalar) }
        return String(result)
    }

    /// Control characters other than tab, newline and return, and U+FFFE/U+FFFF (UTF-8 EF BF BE/BF), found on bytes.
    private var hasXMLForbiddenCharacters: Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            for (index, byte) in bytes.enumerated() {
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
                if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return true }
            }
            return false
        } ?? unicodeScalars.contains(where: Self.isXMLForbidden)
    }

    private static func isXMLForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar.value != 0x09 && scalar.value != 0x0A && scalar.value != 0x0D)
            || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}

extension TextReplacement {
    /// The five XML special characters.
    public static let xml = TextReplacement(xmlPairs)

    private static let xmlPairs = [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&apos;")]

    /// `pairs`, then the XML special characters, as one replacement: applied to a text it gives what
    /// `TextReplacement(pairs)` followed by `.xml` gives, in one pass instead of two. At a position the
    /// pairs are tried first, as the first pass would; a replacement goes in escaped, as the second pass
    /// would have left it; anywhere else one special character is escaped, and the first pass would have
    /// moved on by that one byte too.
    public static func escapingXML(after pairs: [(target: String, replacement: String)]) -> TextReplacement {
        TextReplacement(pairs.map { ($0.target, xml.apply(to: $0.replacement)) } + xmlPairs)
    }
}
