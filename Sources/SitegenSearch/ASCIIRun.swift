/// Finds runs of ASCII letters and digits eight bytes at a time: the tokenizer's fast path, since nearly
/// every word of a page is one.
enum ASCIIRun {
    /// The end of the run of ASCII letters and digits at `start` (which starts one), and the run lower-cased
    /// and packed as `ShortWordTable.pack` packs it when it is at most eight bytes long (else 0).
    @inline(__always)
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, packed: UInt64) {
        let raw = UnsafeRawBufferPointer(bytes)
        guard start + 8 <= bytes.count else { return scanBytes(bytes, from: start) }
        let first = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self))
        let run = leadingWordBytes(first)
        if run < 8 { return (start + run, packed(first, length: run)) }
        var end = start + 8
        while end + 8 <= bytes.count {
            let run = leadingWordBytes(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: end, as: UInt64.self)))
            end += run
            if run < 8 { return (end, end - start == 8 ? packed(first, length: 8) : 0) }
        }
        while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
        return (end, end - start == 8 ? packed(first, length: 8) : 0)
    }

    /// `scan` a byte at a time, near the end of the text.
    private static func scanBytes(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, packed: UInt64) {
        var end = start, packed: UInt64 = 0
        while end < bytes.count, isWordByte(bytes[end]) {
            packed = packed << 8 | UInt64(bytes[end] | 0x20)
            end += 1
        }
        return (end, end - start <= 8 ? packed : 0)
    }

    /// An ASCII letter or digit.
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
    }

    /// How many of the bytes of `group` (the first in its lowest bits) are letters or digits before the first
    /// that is not. Each test sets the top bit of every byte that passes it: with the top bits cleared first,
    /// adding `0x80 - n` to a byte carries into its top bit exactly when it is at least `n`, and never into
    /// the next byte.
    @inline(__always)
    static func leadingWordBytes(_ group: UInt64) -> Int {
        let tops = repeated(0x80), low = group & ~tops, lower = low | repeated(0x20)
        func atLeast(_ bytes: UInt64, _ limit: UInt8) -> UInt64 { (bytes &+ repeated(0x80 - limit)) & tops }
        let letters = atLeast(lower, 0x61) & ~atLeast(lower, 0x7B)
        let digits = atLeast(low, 0x30) & ~atLeast(low, 0x3A)
        let others = ~((letters | digits) & ~group) & tops
        return others.trailingZeroBitCount / 8
    }

    /// The first `length` (1 to 8) bytes of `group` lower-cased and packed, the first byte highest.
    @inline(__always)
    private static func packed(_ group: UInt64, length: Int) -> UInt64 {
        (group | repeated(0x20)).byteSwapped >> (8 * UInt64(8 - length))
    }

    private static func repeated(_ byte: UInt8) -> UInt64 {
        0x0101_0101_0101_0101 &* UInt64(byte)
    }
}
