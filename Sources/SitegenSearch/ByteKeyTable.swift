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

    var count: Int { keys.count }

    init(capacity: Int = 256) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
    }

    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in key { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return hash
    }

    /// The entry number of `key`, inserting it with `value` when it is not there yet; whether it was inserted.
    mutating func entry(for key: UnsafeBufferPointer<UInt8>, hash: UInt32, inserting value: Value) -> (index: Int, inserted: Bool) {
        let (found, slot) = find(key, hash: hash)
        if let found { return (found, false) }
        let index = keys.count
        slots[slot] = Int32(index + 1)
        keys.append(Key(offset: Int32(bytes.count), length: Int32(key.count), hash: hash))
        bytes.append(contentsOf: key)
        values.append(value)
        if keys.count * 2 > slots.count { grow() }
        return (index, true)
    }

    /// Calls `body` with every entry's key, hash and value, in insertion order.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>, UInt32, Value) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            for (key, value) in zip(keys, values) {
                let start = Int(key.offset)
                body(UnsafeBufferPointer(rebasing: buffer[start..<start + Int(key.length)]), key.hash, value)
            }
        }
    }

    /// Empties the table, keeping its storage for the next use.
    mutating func removeAll() {
        for key in keys {
            // Only the slots in use are cleared: a document's words are few next to the table's size.
            var slot = Int(key.hash) & (slots.count - 1)
            while slots[slot] != 0 {
                slots[slot] = 0
                slot = (slot + 1) & (slots.count - 1)
            }
        }
        bytes.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    /// The entry number of `key` if it is in the table, and the slot it is in or would go to. Runs once per
    /// word of every indexed text, so on the arrays' buffers.
    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> (index: Int?, slot: Int) {
        slots.withUnsafeBufferPointer { slots in
            keys.withUnsafeBufferPointer { keys in
                bytes.withUnsafeBufferPointer { stored in
                    let mask = slots.count - 1
                    var slot = Int(hash) & mask
                    while slots[slot] != 0 {
                        let index = Int(slots[slot] - 1)
                        let entry = keys[index]
                        if entry.hash == hash && Int(entry.length) == key.count && Self.equal(stored, from: Int(entry.offset), key) { return (index, slot) }
                        slot = (slot + 1) & mask
                    }
                    return (nil, slot)
                }
            }
        }
    }

    private static func equal(_ stored: UnsafeBufferPointer<UInt8>, from start: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in 0..<key.count where stored[start + index] != key[index] { return false }
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
