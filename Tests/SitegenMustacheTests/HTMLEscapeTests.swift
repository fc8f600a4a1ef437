import PropertyBased
import Testing
@testable import SitegenMustache

/// The escaping of interpolated values, whose runs between escapes are found many bytes at a time.
@Suite("HTML escaping")
struct HTMLEscapeTests {
    /// Pieces of one and several bytes, the five escaped characters among them, so that texts of up to 60
    /// pieces put them at every offset of a 16-byte group and across groups.
    private static let pieces = ["&", "<", ">", "\"", "'", "a", " ", "=", "?", "\u{0}", "\u{7F}", "é", "€", "😀", "abcdefghijklmnop"]

    /// What escaping must give, one character at a time.
    private static func expected(_ text: String) -> String {
        let entities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
        return text.map { entities[$0] ?? String($0) }.joined()
    }

    @Test("property: each of & < > \" ' becomes its entity, everything else stays")
    func escapesTheFive() async {
        let text = Gen.int(in: 0..<Self.pieces.count).array(of: 0...60).map { $0.map { Self.pieces[$0] }.joined() }
        await propertyCheck(count: 2000, input: text) { text in
            var output: [UInt8] = Array("before:".utf8)
            HTMLEscape.append(text, to: &output)
            #expect(String(decoding: output, as: UTF8.self) == "before:" + Self.expected(text), "\(text.debugDescription)")
        }
    }
}
