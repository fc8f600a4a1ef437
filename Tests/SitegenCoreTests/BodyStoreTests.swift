import Foundation
import PropertyBased
import SitegenMarkdown
import Testing
@testable import SitegenCore

@Suite("Body stores")
struct BodyStoreTests {
    private static let text = Gen.oneOf(
        Gen.unicodeScalar(in: "\u{0}"..."~"), Gen.unicodeScalar(in: "\u{80}"..."\u{D7FF}"), Gen.unicodeScalar(in: "\u{E000}"..."\u{10FFFF}")
    ).array(of: 0...40).map { String(String.UnicodeScalarView($0)) }

    private static let sections = text.map { Array($0.utf8) }

    /// Bodies packed one after another into one buffer each read back whole from their own ranges.
    @Test func packedBodiesReadBackAsTheyWere() async {
        await propertyCheck(input: PropertyBased.zip(Self.text, Self.sections).array(of: 1...4)) { bodies in
            var store = InMemoryBodyStore()
            _ = store.append([7, 7, 7])
            var bytes: [UInt8] = []
            let places = bodies.map { ArticleBody.pack(html: Array($0.0.utf8), searchSections: $0.1, into: &bytes) }
            let start = store.append(bytes).lowerBound
            for (body, place) in zip(bodies, places) {
                let stored = ArticleBody.stored(html: place.html.shifted(by: start), searchSections: place.searchSections.shifted(by: start))
                #expect(stored.html(in: store) == body.0)
                #expect(stored.htmlUTF8(in: store) == Array(body.0.utf8))
                #expect(stored.searchSections(in: store) == body.1)
            }
        }
    }

    @Test func heldBodiesNeedNoStore() {
        let sections = Array("[[\"a\",\"A\",\"text\"]]".utf8)
        let body = ArticleBody.held(html: Array("<p>x</p>".utf8), searchSections: sections)
        #expect(body.html(in: nil) == "<p>x</p>")
        #expect(body.searchSections(in: nil) == sections)
    }

    /// The file store reads back what it was given, in any order, and leaves no file behind in its folder.
    @Test func fileStoreReadsBackAndLeavesNoFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var store = try FileBodyStore(directory: folder.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        let first = try store.append(Array("héllo ".utf8))
        let large = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let second = try store.append(large)
        let empty = try store.append([])
        #expect(first == 0..<7 && second == 7..<300_007 && empty == 300_007..<300_007)
        #expect(store.bytes(at: second) == large)
        #expect(store.text(at: first) == "héllo ")
        #expect(store.text(at: 1..<3) == "é")
        #expect(store.text(at: 2..<4) == "\u{FFFD}l")
        #expect(store.bytes(at: empty).isEmpty)
    }

    @Test func fileStoreNeedsAFolder() {
        #expect(throws: (any Error).self) { try FileBodyStore(directory: "/nonexistent/sitegen") }
    }
}
