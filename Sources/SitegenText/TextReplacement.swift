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
    /// Every replacement's bytes, one after the other, as the targets'; flat, so that writing one retains nothing.
    private let replacements: [UInt8]
    private let replacementStarts: [Int]
    /// For each byte, the targets starting with it, in the order listed: `candidates[candidateStarts[b]..<candidateStarts[b + 1]]`,
    /// so a position is compared only with the targets that can start there.
    private let candidates: [Int]
    private let candidateStarts: [Int]
    /// For each first byte, the second bytes of its longer targets, as 256 bits in four words: a position whose
    /// next byte is not among them can only match a one-byte target, and no candidate is compared.
    private let secondBytes: [UInt64]
    /// For each byte, the first listed target that is that byte alone; -1 when there is none.
    private let singleByte: [Int]
    /// The first byte of every target, when they all have the same one.
    private let onlyFirstByte: UInt8?

    /// Replaces each `target` with its `replacement`; at one position the first listed target that matches wins.
    public init(_ pairs: [(target: String, replacement: String)]) {
        let patterns = pairs.filter { !$0.target.isEmpty }.map { (Array($0.target.utf8), Array($0.replacement.utf8)) }
        targets = patterns.flatMap(\.0)
        var starts = [0]
        for pattern in patterns { starts.append(starts.last! + pattern.0.count) }
        targetStarts = starts
        replacements = patterns.flatMap(\.1)
        var replacementStarts = [0]
        for pattern in patterns { replacementStarts.append(replacementStarts.last! + pattern.1.count) }
        self.replacementStarts = replacementStarts
        // By first byte, and in the listed order within one byte.
        let byFirstByte = patterns.indices.map { (byte: Int(patterns[$0].0[0]), index: $0) }.sorted { ($0.byte, $0.index) < ($1.byte, $1.index) }
        candidates = byFirstByte.map(\.index)
        var candidateStarts = [Int](repeating: 0, count: 257)
        for entry in byFirstByte { candidateStarts[entry.byte + 1] += 1 }
        for byte in 0..<256 { candidateStarts[byte + 1] += candidateStarts[byte] }
        self.candidateStarts = candidateStarts
        var secondBytes = [UInt64](repeating: 0, count: 256 * 4)
        var singleByte = [Int](repeating: -1, count: 256)
        for (index, pattern) in patterns.enumerated() {
            let first = Int(pattern.0[0])
            if pattern.0.count == 1 {
                if singleByte[first] < 0 { singleByte[first] = index }
            } else {
                let second = Int(pattern.0[1])
                secondBytes[first * 4 + second >> 6] |= 1 << UInt64(second & 63)
            }
        }
        self.secondBytes = secondBytes
        self.singleByte = singleByte
        onlyFirstByte = Set(patterns.map { $0.0[0] }).count == 1 ? patterns[0].0[0] : nil
    }

    /// `text` with every target replaced by its replacement.
    public func apply(to text: String) -> String {
        var text = text
        return text.withUTF8 { apply(toUTF8: $0) } ?? text
    }

    /// `apply` on UTF-8 bytes made of whole scalars (a C library's output, say), without making a String of
    /// them first; nil when no target occurs in them.
    public func apply(toUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        replacing(bytes) { $0.string() }
    }

    /// `apply` on UTF-8 bytes, giving bytes: for output that is written as bytes, so no String is made (and
    /// validated) on the way. `bytes` as they are when no target occurs in them.
    public func applyBytes(toUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        replacing(bytes) { $0.bytes() } ?? Array(bytes)
    }

    /// `bytes` with every target replaced, as `result` takes them from the buffer; nil when no target occurs.
    private func replacing<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ result: (borrowing ByteBuffer) -> R) -> R? {
        withTables { tables in
            guard let first = tables.firstMatch(in: bytes, from: 0) else { return nil }
            var output = ByteBuffer(capacity: bytes.count + bytes.count / 4 + 64)
            var copied = 0
            var match: (position: Int, pattern: Int)? = first
            while let (position, index) = match {
                output.append(UnsafeBufferPointer(rebasing: bytes[copied..<position]))
                tables.replacement(index, into: &output)
                copied = position + tables.targetLength(index)
                match = tables.firstMatch(in: bytes, from: copied)
            }
            output.append(UnsafeBufferPointer(rebasing: bytes[copied...]))
            return result(output)
        }
    }

    /// The tables as buffers for the length of one `apply`: no array is retained or checked per position.
    private func withTables<R>(_ body: (Tables) -> R) -> R {
        targets.withUnsafeBufferPointer { targets in
            targetStarts.withUnsafeBufferPointer { targetStarts in
                candidates.withUnsafeBufferPointer { candidates in
                    candidateStarts.withUnsafeBufferPointer { candidateStarts in
                        secondBytes.withUnsafeBufferPointer { secondBytes in
                            singleByte.withUnsafeBufferPointer { singleByte in
                                replacements.withUnsafeBufferPointer { replacements in
                                    replacementStarts.withUnsafeBufferPointer { replacementStarts in
                                        body(Tables(
                                            targets: targets, targetStarts: targetStarts, candidates: candidates, candidateStarts: candidateStarts,
                                            secondBytes: secondBytes, singleByte: singleByte, replacements: replacements,
                                            replacementStarts: replacementStarts, onlyFirstByte: onlyFirstByte))
                                    }
                                }
                            }
                        }
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
        let secondBytes: UnsafeBufferPointer<UInt64>
        let singleByte: UnsafeBufferPointer<Int>
        let replacements: UnsafeBufferPointer<UInt8>
        let replacementStarts: UnsafeBufferPointer<Int>
        let onlyFirstByte: UInt8?

        func targetLength(_ index: Int) -> Int { targetStarts[index + 1] - targetStarts[index] }

        func replacement(_ index: Int, into output: inout ByteBuffer) {
            output.append(UnsafeBufferPointer(rebasing: replacements[replacementStarts[index]..<replacementStarts[index + 1]]))
        }

        /// The first position from `start` where a target matches, with the first listed target matching there.
        func firstMatch(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Int)? {
            if let only = onlyFirstByte { return firstMatch(in: bytes, from: start, startingWith: only) }
            var position = start
            while position < bytes.count {
                let byte = Int(bytes[position])
                if candidateStarts[byte] != candidateStarts[byte + 1] {
                    if position + 1 < bytes.count, mayContinue(byte, with: Int(bytes[position + 1])) {
                        if let index = matching(byte, in: bytes, at: position) { return (position, index) }
                    } else if singleByte[byte] >= 0 {
                        return (position, singleByte[byte])
                    }
                }
                position += 1
            }
            return nil
        }

        /// Whether a target longer than one byte starts with `first` and then `second`.
        private func mayContinue(_ first: Int, with second: Int) -> Bool {
            secondBytes[first * 4 + second >> 6] & (1 << UInt64(second & 63)) != 0
        }

        /// `firstMatch` when every target starts with `first`: `memchr` finds the candidates, many bytes at a time.
        private func firstMatch(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, startingWith first: UInt8) -> (Int, Int)? {
            guard let base = bytes.baseAddress else { return nil }
            var position = start
            while position < bytes.count, let found = memchr(base + position, Int32(first), bytes.count - position) {
                position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                // In markup most `<` start tags no target continues into: their second byte says so.
                if position + 1 < bytes.count, !mayContinue(Int(first), with: Int(bytes[position + 1])) {
                    if singleByte[Int(first)] >= 0 { return (position, singleByte[Int(first)]) }
                } else if let index = matching(Int(first), in: bytes, at: position) {
                    return (position, index)
                }
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

/// Bytes appended with `memcpy` into storage this type owns: `Array.append(contentsOf:)` costs more per call
/// than the short runs between matches in markup. Not copyable, so its storage has one owner.
private struct ByteBuffer: ~Copyable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        storage = .allocate(capacity: self.capacity)
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (storage + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    private mutating func grow(to needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: storage, count: count)
        storage.deallocate()
        storage = moved
        capacity = larger
    }

    /// The bytes as a String (they are UTF-8: whole scalars of a String and of replacements).
    func string() -> String {
        String(decoding: UnsafeBufferPointer(start: storage, count: count), as: UTF8.self)
    }

    /// The bytes, copied out.
    func bytes() -> [UInt8] {
        Array(UnsafeBufferPointer(start: storage, count: count))
    }

    deinit {
        storage.deallocate()
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement` (see `TextReplacement`).
    public func replacingAll(_ target: String, with replacement: String) -> String {
        TextReplacement([(target, replacement)]).apply(to: self)
    }

    /// Escaped for XML (and HTML) text and attribute values; characters XML 1.0 forbids are dropped.
    public var xmlEscaped: String { TextReplacement.xml.apply(to: self) }

    /// `xmlEscaped` through `escaping`, a replacement made by `TextReplacement.escapingXML(after:)`: its
    /// pairs replaced and the result escaped, in one pass over the text.
    public func xmlEscaped(using escaping: TextReplacement) -> String {
        escaping.apply(to: self)
    }
}

extension TextReplacement {
    /// The five XML special characters escaped, and the characters XML 1.0 forbids dropped.
    public static let xml = escapingXML(after: [])

    private static let xmlPairs = [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&apos;")]

    /// The characters XML 1.0 forbids, each replaced by nothing: control characters other than tab, newline
    /// and return, and U+FFFE and U+FFFF.
    private static let forbiddenPairs = (UInt8(0)..<0x20).filter { ![0x09, 0x0A, 0x0D].contains($0) }.map { (String(UnicodeScalar($0)), "") }
        + [("\u{FFFE}", ""), ("\u{FFFF}", "")]

    /// `pairs`, then the XML special characters, as one replacement that also drops the characters XML
    /// forbids: applied to a text it gives what `TextReplacement(pairs)` followed by `xmlEscaped` gives, in
    /// one pass instead of two. At a position the pairs are tried first, as the first pass would; a
    /// replacement goes in escaped, as the second pass would have left it; anywhere else one special
    /// character is escaped or one forbidden character dropped, and the first pass would have moved on by
    /// that character too (no target starts inside a character).
    public static func escapingXML(after pairs: [(target: String, replacement: String)]) -> TextReplacement {
        TextReplacement(pairs.map { ($0.target, xml.apply(to: $0.replacement)) } + xmlPairs + forbiddenPairs)
    }
}
