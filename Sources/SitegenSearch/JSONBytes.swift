#if arch(x86_64)
import CByteClasses
#endif

/// Compact JSON written straight into UTF-8 bytes: the index files are large and built on every save.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    /// A non-negative integer in decimal.
    mutating func integer(_ value: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<Self.write(value, into: buffer, at: 0)]))
        }
    }

    /// `,first,second` for each of `count` pairs of non-negative integers, in decimal: the bulk of the index
    /// (every posting's document delta and score). Written into scratch space with no append per digit or
    /// comma, then appended at once, with room for `extra` more bytes: the index holds every entry until its
    /// shard is made, so an entry's array should not keep spare capacity.
    mutating func integerPairs(_ count: Int, reservingAfter extra: Int = 0, _ pair: (Int) -> (first: Int, second: Int)) {
        // At most two commas and two 20-digit integers a pair.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, count * 42)) { buffer in
            var at = 0
            for index in 0..<count {
                let (first, second) = pair(index)
                buffer[at] = 0x2C
                at = Self.write(first, into: buffer, at: at + 1)
                buffer[at] = 0x2C
                at = Self.write(second, into: buffer, at: at + 1)
            }
            bytes.reserveCapacity(bytes.count + at + extra)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<at]))
        }
    }

    /// Writes `value` (not negative) in decimal into `buffer` at `at`; the index past its last digit. Digits
    /// go from the last one back, two at a time, so each pair is a division by the constant 100 (a
    /// multiplication) and the pair's own split is a small one.
    private static func write(_ value: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        var rest = UInt(value), digits = 1, power: UInt = 10
        while digits < 20 && rest >= power {
            digits += 1
            power = power &* 10
        }
        var position = at + digits
        while rest >= 100 {
            let pair = UInt8(truncatingIfNeeded: rest % 100)
            rest /= 100
            position -= 2
            buffer[position] = 0x30 + pair / 10
            buffer[position + 1] = 0x30 + pair % 10
        }
        let last = UInt8(truncatingIfNeeded: rest)
        if last >= 10 {
            buffer[position - 2] = 0x30 + last / 10
            buffer[position - 1] = 0x30 + last % 10
        } else {
            buffer[position - 1] = 0x30 + last
        }
        return at + digits
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else as UTF-8.
    mutating func string(_ text: String) {
        bytes.append(0x22)
        var text = text
        text.withUTF8 { appendEscaped($0) }
        bytes.append(0x22)
    }

    /// `string(_:)` of text given as UTF-8.
    mutating func string(_ utf8: [UInt8]) {
        bytes.append(0x22)
        utf8.withUnsafeBufferPointer { appendEscaped($0) }
        bytes.append(0x22)
    }

    /// Appends `utf8` with quotes, backslashes and control characters escaped. Nearly all text has none, so
    /// the runs between them are found many bytes at a time and appended whole: sixteen at a time in SSE2 on
    /// x86-64 (`sitegen_json_plain_length`), else eight at a time in a register.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        #if arch(x86_64)
        guard let base = utf8.baseAddress else { return }
        var runStart = 0, index = 0
        while true {
            index += sitegen_json_plain_length(base + index, utf8.count - index)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            guard index < utf8.count else { return }
            escape(utf8[index])
            index += 1
            runStart = index
        }
        #else
        appendEscapedEightAtATime(utf8)
        #endif
    }

    /// `appendEscaped` eight bytes at a time: each group is tested for any byte to escape at once, and only
    /// a group that has one is looked at byte by byte.
    private mutating func appendEscapedEightAtATime(_ utf8: UnsafeBufferPointer<UInt8>) {
        let raw = UnsafeRawBufferPointer(utf8)
        var runStart = 0, index = 0
        while index < utf8.count {
            while index + 8 <= utf8.count, !Self.hasEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { index += 8 }
            let end = min(index + 8, utf8.count)
            for position in index..<end where Self.needsEscape(utf8[position]) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<position]))
                escape(utf8[position])
                runStart = position + 1
            }
            index = end
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C
    }

    /// Whether any of the eight bytes of `word` `needsEscape` (the byte-wise tests of "Bit Twiddling Hacks":
    /// a byte below n sets its top bit in `(x - n) & ~x`, for n up to 128).
    @inline(__always)
    private static func hasEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, tops: UInt64 = 0x8080_8080_8080_8080
        func bytesBelow(_ limit: UInt64, _ word: UInt64) -> UInt64 { (word &- ones &* limit) & ~word }
        // One test of the three marks together, with no branch between them.
        return (bytesBelow(0x20, word) | bytesBelow(1, word ^ (ones &* 0x22)) | bytesBelow(1, word ^ (ones &* 0x5C))) & tops != 0
    }

    private mutating func escape(_ byte: UInt8) {
        // A byte at a time: an array literal here was an allocation per escape.
        bytes.append(0x5C)
        switch byte {
        case 0x22, 0x5C: bytes.append(byte)
        case 0x0A: bytes.append(0x6E)
        case 0x09: bytes.append(0x74)
        case 0x0D: bytes.append(0x72)
        default:
            // `u00` and two lower-case hex digits.
            func hex(_ digit: UInt8) -> UInt8 { digit < 10 ? 0x30 + digit : 0x57 + digit }
            bytes.append(contentsOf: [0x75, 0x30, 0x30, hex(byte >> 4), hex(byte & 0xF)])
        }
    }
}
