import Foundation
import PropertyBased
import Testing
@testable import SitegenCore

@Suite("JSON text")
struct JSONTextTests {
    private struct Sample: Encodable {
        let b: String
        let a: Int
        let nested: [String: String]
    }

    @Test("property: the same bytes as JSONEncoder with sorted keys, for any text")
    func matchesJSONEncoder() async {
        let pieces = ["a", "é", "\"", "\\", "/", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{1}", "\u{1F}", "<", "😀", " "]
        let text = Gen.int(in: 0..<pieces.count).array(of: 0...12).map { $0.map { pieces[$0] }.joined() }
        await propertyCheck(input: text, text) { first, second in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let expected = String(decoding: try encoder.encode(Sample(b: first, a: 42, nested: ["y": second, "@x": first])), as: UTF8.self)
            let written = JSONText.object(["b": .string(first), "a": .int(42), "nested": .object(["y": .string(second), "@x": .string(first)]), "none": nil]).serialized
            #expect(written == expected)
        }
    }
}
