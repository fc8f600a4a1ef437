import Foundation
import PropertyBased
import Testing
@testable import SitegenSearch

struct JSONBytesTests {
    /// Text that needs no escape but for one scalar that does, anywhere: a group of eight bytes with that one
    /// scalar in it must be found out by the group test alone.
    private static let text = PropertyBased.zip(
        Gen.oneOf(
            Gen.unicodeScalar(in: " "..."!"), Gen.unicodeScalar(in: "#"..."["), Gen.unicodeScalar(in: "]"..."~"),
            Gen.unicodeScalar(in: "\u{7F}"..."\u{3000}")
        ).array(of: 0...40),
        Gen.int(in: 0...0x21).map { Unicode.Scalar($0 < 0x20 ? UInt8($0) : $0 == 0x20 ? 0x22 : 0x5C) },
        Gen.int(in: 0...40)
    ).map { plain, special, position in
        var scalars = plain
        scalars.insert(special, at: min(position, scalars.count))
        return String(String.UnicodeScalarView(scalars))
    }

    /// The escaping done a byte at a time, as JSON defines it.
    private static func reference(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{0}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test func stringsAreEscapedAsByteByByte() async {
        await propertyCheck(input: Self.text) { text in
            var json = JSONBytes()
            json.string(text)
            #expect(String(decoding: json.bytes, as: UTF8.self) == Self.reference(text), "\(text.debugDescription)")
        }
    }

    /// Pairs written into the array's storage read back as the integers, whatever their number of digits.
    @Test func integerPairsAreDecimal() async {
        let boundary = Gen.int(in: 0...18).map { digits in
            (0..<digits).reduce(1) { power, _ in power * 10 }
        }
        let value = Gen.oneOf(Gen.int(in: 0...1_000), Gen.int(in: 0...Int.max), boundary, boundary.map { $0 - 1 }, Gen.always(Int.max))
        await propertyCheck(input: PropertyBased.zip(value, value).array(of: 0...30)) { pairs in
            var json = JSONBytes()
            json.raw("[")
            json.integerPairs(pairs.count) { pairs[$0] }
            json.raw("]")
            let expected = "[" + pairs.map { ",\($0.0),\($0.1)" }.joined() + "]"
            #expect(String(decoding: json.bytes, as: UTF8.self) == expected)
        }
    }

    @Test func integersAreDecimal() {
        for value in [0, 7, 9, 10, 11, 99, 100, 101, 65_535, 1_000_000, 123_456_789, Int.max] {
            var json = JSONBytes()
            json.integer(value)
            #expect(String(decoding: json.bytes, as: UTF8.self) == String(value))
        }
    }
}
