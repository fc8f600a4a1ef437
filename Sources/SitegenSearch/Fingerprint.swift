/// A fast, stable 64-bit fingerprint of the index's bytes (not a security hash). Bytes go in eight at a time,
/// each step a multiplication, which carries every bit upwards, and an xor-shift, which brings the high bits
/// back down; the last step takes the remaining bytes with their number.
public struct Fingerprint: Sendable, Hashable {
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    public init() {}

    /// The fingerprint of `bytes` alone.
    public static func of(_ bytes: [UInt8]) -> UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.add(bytes)
        return fingerprint.value
    }

    public mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var index = 0
            while index + 8 <= raw.count {
                add(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self).littleEndian)
                index += 8
            }
            // Fewer than eight bytes are left, so the top byte is free for their number.
            var last = UInt64(raw.count - index) << 56
            for (position, byte) in raw[index...].enumerated() { last |= UInt64(byte) << (8 * position) }
            add(last)
        }
    }

    public mutating func add(_ number: UInt64) {
        value = (value ^ number) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 29
    }

    /// Sixteen lower-case hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
