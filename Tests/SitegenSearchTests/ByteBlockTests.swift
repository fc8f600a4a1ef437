import PropertyBased
import Testing
@testable import SitegenSearch

struct ByteBlockTests {
    /// Bytes of every kind: letters of both cases, digits, the bytes either side of each range, apostrophes
    /// and their look-alikes with the top bit set (0xA7), and any byte.
    private static let byte = Gen.oneOf(
        Gen.int(in: 0x2F...0x3A), Gen.int(in: 0x40...0x5B), Gen.int(in: 0x60...0x7B), Gen.int(in: 0x26...0x28),
        Gen.int(in: 0xA6...0xA8), Gen.int(in: 0...255)
    ).map { UInt8($0) }

    /// A block from any start of any text (shorter and longer than a block) marks each byte as a look at
    /// that byte alone does, and nothing past the block or the text.
    @Test func blocksClassifyEachByte() async {
        await propertyCheck(input: PropertyBased.zip(Self.byte.array(of: 1...150), Gen.int(in: 0...149))) { text, start in
            guard start < text.count else { return }
            let block = text.withUnsafeBufferPointer { ByteBlock($0, from: start) }
            #expect(block.count == min(64, text.count - start))
            for bit in 0..<64 {
                let byte = bit < block.count ? text[start + bit] : nil
                #expect((block.words >> UInt64(bit) & 1 == 1) == (byte.map(ByteBlock.isWordByte) ?? false), "\(text) from \(start), bit \(bit)")
                #expect((block.special >> UInt64(bit) & 1 == 1) == (byte.map { $0 >= 0x80 || $0 == 0x27 } ?? false), "\(text) from \(start), bit \(bit)")
            }
        }
    }

    /// A packed group is the first bytes of a word as `ShortWordTable.pack` packs them.
    @Test func packingAgreesWithTheTable() async {
        let word = Gen.oneOf(Gen.int(in: 0x30...0x39), Gen.int(in: 0x41...0x5A), Gen.int(in: 0x61...0x7A)).map { UInt8($0) }
        await propertyCheck(input: PropertyBased.zip(word.array(of: 8...8), Gen.int(in: 1...8))) { bytes, length in
            let group = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            let expected = Array(bytes[..<length]).withUnsafeBufferPointer(ShortWordTable.pack)
            #expect(ByteBlock.packed(group, length: length) == expected)
        }
    }
}
