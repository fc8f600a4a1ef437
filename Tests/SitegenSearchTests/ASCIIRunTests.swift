import PropertyBased
import Testing
@testable import SitegenSearch

struct ASCIIRunTests {
    /// Bytes of every kind: letters of both cases, digits, the bytes either side of each range, and bytes
    /// with the top bit set.
    private static let byte = Gen.oneOf(
        Gen.int(in: 0x2F...0x3A), Gen.int(in: 0x40...0x5B), Gen.int(in: 0x60...0x7B), Gen.int(in: 0...255)
    ).map { UInt8($0) }

    /// Eight bytes at a time count what a byte-by-byte look counts.
    @Test func groupsCountTheLeadingWordBytes() async {
        await propertyCheck(input: Self.byte.array(of: 8...8)) { bytes in
            let group = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            let expected = bytes.firstIndex { !ASCIIRun.isWordByte($0) } ?? 8
            #expect(ASCIIRun.leadingWordBytes(group) == expected, "\(bytes)")
        }
    }

    /// A scan from any word byte of any text ends where the run does, and packs the run when it is short.
    @Test func scanEndsWhereTheRunDoes() async {
        await propertyCheck(input: PropertyBased.zip(Self.byte.array(of: 1...40), Gen.int(in: 0...39))) { text, offset in
            guard offset < text.count, ASCIIRun.isWordByte(text[offset]) else { return }
            let end = text[offset...].firstIndex { !ASCIIRun.isWordByte($0) } ?? text.count
            let scanned = text.withUnsafeBufferPointer { ASCIIRun.scan($0, from: offset) }
            #expect(scanned.end == end)
            let run = Array(text[offset..<end])
            #expect(scanned.packed == (run.count <= 8 ? run.withUnsafeBufferPointer(ShortWordTable.pack) : 0))
        }
    }
}
