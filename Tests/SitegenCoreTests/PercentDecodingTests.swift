import Foundation
import PropertyBased
import Testing
@testable import SitegenCore

/// Link paths are percent-decoded before they are looked up; text without `%` skips Foundation's decoding.
@Suite("Percent decoding of link paths")
struct PercentDecodingTests {
    private static let pieces = ["a", "/", "é", " ", "%", "%20", "%2F", "%zz", "%E2%82%AC", "%C3", "%%", "😀", "x.md", "#"]

    @Test("property: equals Foundation's decoding, or the text itself where that fails")
    func equalsFoundation() async {
        let text = Gen.int(in: 0..<Self.pieces.count).array(of: 0...12).map { $0.map { Self.pieces[$0] }.joined() }
        await propertyCheck(count: 1000, input: text) { text in
            #expect(text.removingPercentEncodingSafely == (text.removingPercentEncoding ?? text), "\(text.debugDescription)")
        }
    }
}
