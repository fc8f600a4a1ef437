/// A hash table from words of one to eight ASCII letters and digits, each packed into a `UInt64`, to
/// numbers. Most words are that short; for them a look-up reads one slot and compares the key in one go.
struct ShortWordTable: Sendable {
    private struct Slot {
        /// The packed word; 0 is an empty slot (no word packs to 0, since no letter or digit is a 0 byte).
        var key: UInt64
        var value: Int32
    }

    private var slots: [Slot]
    /// 64 minus the number of bits of a slot number: a key's first slot is the top bits of its hash.
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 4096) {
        var bits = 4
        while 1 << bits < capacity * 2 { bits += 1 }
        slots = Array(repeating: Slot(key: 0, value: 0), count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    /// `word` (one to eight ASCII letters and digits, in any case) lower-cased and packed: its first byte
    /// highest, its last the lowest byte of the result.
    static func pack(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        word.reduce(0) { $0 << 8 | UInt64($1 | 0x20) }
    }

    /// The bytes of a packed word.
    static func bytes(of key: UInt64) -> [UInt8] {
        let length = (64 - key.leadingZeroBitCount + 7) / 8
        return (0..<length).reversed().map { UInt8(truncatingIfNeeded: key >> (8 * UInt64($0))) }
    }

    /// The number filed under `key`, if any.
    @inline(__always)
    func value(for key: UInt64) -> Int32? {
        slots.withUnsafeBufferPointer { slots in
            var slot = firstSlot(key)
            while true {
                let found = slots[slot]
                if found.key == key { return found.value }
                if found.key == 0 { return nil }
                slot = (slot + 1) & (slots.count - 1)
            }
        }
    }

    /// Files `value` under `key`, which is not in the table yet.
    mutating func insert(_ key: UInt64, _ value: Int32) {
        place(key, value)
        count += 1
        guard count * 2 > slots.count else { return }
        let old = slots
        slots = Array(repeating: Slot(key: 0, value: 0), count: old.count * 2)
        shift -= 1
        for slot in old where slot.key != 0 { place(slot.key, slot.value) }
    }

    private mutating func place(_ key: UInt64, _ value: Int32) {
        var slot = firstSlot(key)
        while slots[slot].key != 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = Slot(key: key, value: value)
    }

    private func firstSlot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}
