#if arch(x86_64)
import CByteClasses
#endif

/// Up to 64 bytes of text classified at once, one bit per byte (bit `i` for the block's byte `i`): the
/// tokenizer's fast path finds each word's start and end with two bit scans instead of testing byte by byte.
struct ByteBlock {
    /// ASCII letters and digits.
    let words: UInt64
    /// Bytes of non-ASCII scalars, and ASCII apostrophes (`'`): where a word may need `readWord`.
    let special: UInt64
    /// How many bytes the block covers: 64, or fewer at the end of the text.
    let count: Int

    /// The block of `bytes` that starts at `start` (before the end).
    @inline(__always)
    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) {
        let raw = UnsafeRawBufferPointer(bytes)
        var words: UInt64 = 0, special: UInt64 = 0
        if start + 64 <= bytes.count {
            count = 64
            #if arch(x86_64)
            // Sixteen bytes at a time in SSE2: a third of the instructions of eight at a time in a register.
            sitegen_classify64(bytes.baseAddress! + start, &words, &special)
            #else
            for group in 0..<8 {
                let classes = Self.classify(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + 8 * group, as: UInt64.self)))
                words |= classes.words << UInt64(8 * group)
                special |= classes.special << UInt64(8 * group)
            }
            #endif
        } else {
            count = bytes.count - start
            var offset = 0
            while offset < count {
                let group: UInt64, left = count - offset
                if left >= 8 {
                    group = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + offset, as: UInt64.self))
                } else if bytes.count >= 8 {
                    // The text's last bytes, from the last eight, shifted down: 0 bytes, which are in no class,
                    // come in above them.
                    let last = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self))
                    group = last >> (8 * UInt64(8 - left))
                } else {
                    var partial: UInt64 = 0
                    for index in 0..<left { partial |= UInt64(bytes[start + offset + index]) << (8 * UInt64(index)) }
                    group = partial
                }
                let classes = Self.classify(group)
                words |= classes.words << UInt64(offset)
                special |= classes.special << UInt64(offset)
                offset += 8
            }
        }
        self.words = words
        self.special = special
    }

    /// An ASCII letter or digit.
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
    }

    /// The classes of the eight bytes of `group` (the first in its lowest bits), one bit each, byte `i`'s
    /// at bit `i`. With the top bits cleared first, adding `0x80 - n` to a byte carries into its top bit
    /// exactly when it is at least `n`, and never into the next byte.
    @inline(__always)
    static func classify(_ group: UInt64) -> (words: UInt64, special: UInt64) {
        let tops = repeated(0x80), low = group & ~tops, lower = low | repeated(0x20)
        func atLeast(_ bytes: UInt64, _ limit: UInt8) -> UInt64 { (bytes &+ repeated(0x80 - limit)) & tops }
        let letters = atLeast(lower, 0x61) & ~atLeast(lower, 0x7B)
        let digits = atLeast(low, 0x30) & ~atLeast(low, 0x3A)
        // A byte whose low seven bits are 0x27 is the only one that stays below 0x80 after the xor and add;
        // of those, only the apostrophe is ASCII, and every non-ASCII byte is special anyway.
        let special = (group | ~((low ^ repeated(0x27)) &+ repeated(0x7F))) & tops
        return (bits((letters | digits) & ~group), bits(special))
    }

    /// The top bits of the eight bytes of `marks` gathered into the low eight bits: the multiplication
    /// moves byte `i`'s bit to bit `56 + i`, and no two products meet, so nothing carries.
    @inline(__always)
    static func bits(_ marks: UInt64) -> UInt64 {
        ((marks >> 7) &* 0x0102_0408_1020_4080) >> 56
    }

    /// The first `length` (1 to 8) of the eight bytes of `group` lower-cased and packed as
    /// `ShortWordTable.pack` packs them: the first byte highest.
    @inline(__always)
    static func packed(_ group: UInt64, length: Int) -> UInt64 {
        (group | repeated(0x20)).byteSwapped >> (8 * UInt64(8 - length))
    }

    @inline(__always)
    private static func repeated(_ byte: UInt8) -> UInt64 {
        0x0101_0101_0101_0101 &* UInt64(byte)
    }
}
