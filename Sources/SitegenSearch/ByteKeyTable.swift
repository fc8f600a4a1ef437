/// A hash table keyed by short byte strings (FNV-1a, linear probing), the keys' bytes kept in one buffer:
/// no String is made and no SipHash run per look-up.
struct ByteKeyTable<Value: Sendable>: Sendable {
    private struct Key {
        var offset: Int32
        var length: Int32
        var hash: UInt32
    }

    private var bytes: [UInt8] = []
    private var keys: [Key] = []
    /// Values by entry number, in the order the keys were inserted.
    var values: [Value] = []
    /// Entry number + 1; 0 is empty.
    private var slots: [Int32]

    init(capacity: Int = 256) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
    }

    /// The FNV-1a hash of `key` with each byte taken `| mask` (see `entry`).
    static func hash(_ key: UnsafeBufferPointer<UInt8>, mask: UInt8 = 0) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in key { hash = (hash ^ UInt32(byte | mask)) &* 0x0100_0193 }
        return hash
    }

    /// The entry number of `key`, inserting it with `value` when it is not there yet; whether it was inserted.
    /// Every byte of the key is taken `| mask`, so a mask of 0x20 stores and finds ASCII letters and digits
    /// lower-cased (`hash` is `hash(key, mask: mask)`).
    mutating func entry(
        for key: UnsafeBufferPointer<UInt8>, hash: UInt32, mask: UInt8 = 0, inserting value: Value
    ) -> (index: Int, inserted: Bool) {
        let (found, slot) = find(key, hash: hash, mask: mask)
        if let found { return (found, false) }
        let index = keys.count
        slots[slot] = Int32(index + 1)
        keys.append(Key(offset: Int32(bytes.count), length: Int32(key.count), hash: hash))
        if mask == 0 { bytes.append(contentsOf: key) } else { bytes.append(contentsOf: key.lazy.map { $0 | mask }) }
        values.append(value)
        if keys.count * 2 > slots.count { grow() }
        return (index, true)
    }

    /// The entry number of `key` if it is in the table, and the slot it is in or would go to. Runs once per
    /// word of every indexed text, so on the arrays' buffers.
    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32, mask: UInt8) -> (index: Int?, slot: Int) {
        slots.withUnsafeBufferPointer { slots in
            keys.withUnsafeBufferPointer { keys in
                bytes.withUnsafeBufferPointer { stored in
                    let slotMask = slots.count - 1
                    var slot = Int(hash) & slotMask
                    while slots[slot] != 0 {
                        let index = Int(slots[slot] - 1)
                        let entry = keys[index]
                        if entry.hash == hash && Int(entry.length) == key.count && Self.equal(stored, from: Int(entry.offset), key, mask: mask) { return (index, slot) }
                        slot = (slot + 1) & slotMask
                    }
                    return (nil, slot)
                }
            }
        }
    }

    private static func equal(_ stored: UnsafeBufferPointer<UInt8>, from start: Int, _ key: UnsafeBufferPointer<UInt8>, mask: UInt8) -> Bool {
        for index in 0..<key.count where stored[start + index] != key[index] | mask { return false }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, key) in keys.enumerated() {
            var slot = Int(key.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }
}
