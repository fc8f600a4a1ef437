#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Literal search-and-replace over UTF-8, in one pass. Foundation's `replacingOccurrences` goes through
/// NSString on Linux and costs a hundred times more on the per-page path.
public struct TextReplacement: Sendable {
    /// Every target's bytes, one after the other; target `i` is `targets[targetStarts[i]..<targetStarts[i + 1]]`.
    private let targets: [UInt8]
    private let targetStarts: [Int]
    private let replacements: [[UInt8]]
    /// For each byte, the targets starting with it, in the order listed: `candidates[candidateStarts[b]..<candidateStarts[b + 1]]`,
    /// so a position is compared only with the targets that can start there.
    private let candidates: [Int]
    private let candidateStarts: [Int]
    /// The first byte of every target, when they all have the same one.
    private let onlyFirstByte: UInt8?

    /// Replaces each `target` with its `replacement`; at one position the first listed target that matches wins.
    public init(_ pairs: [(target: String, replacement: String)]) {
        let patterns = pairs.filter { !$0.target.isEmpty }.map { (Array($0.target.utf8), Array($0.replacement.utf8)) }
        targets = patterns.flatMap(\.0)
        var starts = [0]
        for pattern in patterns { starts.append(starts.last! + pattern.0.count) }
        targetStarts = starts
        replacements = patterns.map(\.1)
        // By first byte, and in the listed order within one byte.
        let byFirstByte = patterns.indices.map { (byte: Int(patterns[$0].0[0]), index: $0) }.sorted { ($0.byte, $0.index) < ($1.byte, $1.index) }
        candidates = byFirstByte.map(\.index)
        var candidateStarts = [Int](repeating: 0, count: 257)
        for entry in byFirstByte { candidateStarts[entry.byte + 1] += 1 }
        for byte in 0..<256 { candidateStarts[byte + 1] += candidateStarts[byte] }
        self.candidateStarts = candidateStarts
        onlyFirstByte = Set(patterns.map { $0.0[0] }).count == 1 ? patterns[0].0[0] : nil
    }

    public func apply(to text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            withTables { tables in
                guard let first = tables.firstMatch(in: bytes, from: 0) else { return nil }
                var output: [UInt8] = []
                output.reserveCapacity(bytes.count + bytes.count / 8)
                var copied = 0
                var match: (position: Int, pattern: Int)? = first
                while let (position, index) = match {
                    output.append(contentsOf: bytes[copied..<position])
                    output.append(contentsOf: replacements[index])
                    copied = position + tables.targetLength(index)
                    match = tables.firstMatch(in: bytes, from: copied)
                }
                output.append(contentsOf: bytes[copied...])
                return String(decoding: output, as: UTF8.self)
            }
        } ?? text
    }

    /// The tables as buffers for the length of one `apply`: no array is retained or checked per position.
    private func withTables<R>(_ body: (Tables) -> R) -> R {
        targets.withUnsafeBufferPointer { targets in
            targetStarts.withUnsafeBufferPointer { targetStarts in
                candidates.withUnsafeBufferPointer { candidates in
                    candidateStarts.withUnsafeBufferPointer { candidateStarts in
                        body(Tables(targets: targets, targetStarts: targetStarts, candidates: candidates, candidateStarts: candidateStarts, onlyFirstByte: onlyFirstByte))
                    }
                }
            }
        }
    }

    private struct Tables {
        let targets: UnsafeBufferPointer<UInt8>
        let targetStarts: UnsafeBufferPointer<Int>
        let candidates: UnsafeBufferPointer<Int>
        let candidateStarts: UnsafeBufferPointer<Int>
        let onlyFirstByte: UInt8?

        func targetLength(_ index: Int) -> Int { targetStarts[index + 1] - targetStarts[index] }

        /// The first position from `start` where a target matches, with the first listed target matching there.
        func firstMatch(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Int)? {
            if let only = onlyFirstByte { return firstMatch(in: bytes, from: start, startingWith: only) }
            var position = start
            while position < bytes.count {
                let byte = Int(bytes[position])
                if candidateStarts[byte] != candidateStarts[byte + 1], let index = matching(byte, in: bytes, at: position) {
                    return (position, index)
                }
                position += 1
            }
            return nil
        }

        /// `firstMatch` when every target starts with `first`: `memchr` finds the candidates, many bytes at a time.
        private func firstMatch(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, startingWith first: UInt8) -> (Int, Int)? {
            guard let base = bytes.baseAddress else { return nil }
            var position = start
            while position < bytes.count, let found = memchr(base + position, Int32(first), bytes.count - position) {
                position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if let index = matching(Int(first), in: bytes, at: position) { return (position, index) }
                position += 1
            }
            return nil
        }

        /// The first listed target starting with `byte` that matches at `position`.
        private func matching(_ byte: Int, in bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Int? {
            for slot in candidateStarts[byte]..<candidateStarts[byte + 1] {
                let index = candidates[slot]
                let start = targetStarts[index], length = targetStarts[index + 1] - start
                guard position + length <= bytes.count else { continue }
                var offset = 1
                while offset < length && bytes[position + offset] == targets[start + offset] { offset += 1 }
                if offset >= length { return index }
            }
            return nil
        }
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
