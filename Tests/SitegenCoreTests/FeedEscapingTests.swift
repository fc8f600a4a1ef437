import PropertyBased
import SitegenText
import Testing
@testable import SitegenCore

/// The feeds' one-pass escaping gives what the general replacement it stands in for gives.
@Suite("Feed escaping")
struct FeedEscapingTests {
    private static let droppedTag = "<script src=\"/assets/decision-helper.js\" defer></script>\n"
    /// A tag that ends where an attribute's value would start: a quote after it must not take the tag's
    /// bytes for an attribute's name, since the general replacement has dropped them by then.
    private static let droppedName = "<i data-src="

    /// Pieces that make or nearly make every target: attributes with one and two slashes and without,
    /// the dropped tag whole and cut short, the XML specials, the forbidden characters and their neighbours.
    private static let pieces = [
        " href=\"/", " href=\"//", " src=\"/", " src=\"//", " data-src=\"/", " data-src=\"//", " href=\"", " href", " data-",
        " src=", "\"/", "/", "//", "=", droppedTag, String(droppedTag.prefix(12)), droppedName, String(droppedName.dropFirst(2)), "<", ">", "&", "\"", "'", "a", "h", "é", " ",
        "\t", "\n", "\r", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{FFEF}", "\u{F000}", "😀",
    ]

    @Test(
        "property: equals TextReplacement.escapingXML(after:) of the same pairs",
        arguments: [("https://example.org", droppedTag), ("https://x.test/a&b\"c", droppedTag), ("https://example.org", droppedName)]
    )
    func equalsGeneralReplacement(origin: String, droppedTag: String) async {
        let fast = FeedEscaping(origin: origin, droppedTag: droppedTag)
        let general = TextReplacement.escapingXML(after: FeedEscaping.pairs(origin: origin, droppedTag: droppedTag))
        let text = Gen.int(in: 0..<Self.pieces.count).array(of: 0...30).map { $0.map { Self.pieces[$0] }.joined() }
        await propertyCheck(count: 1000, input: text) { text in
            var copy = text
            let (ours, theirs) = copy.withUTF8 { (fast.escaped($0), general.applyBytes(toUTF8: $0)) }
            #expect(ours == theirs, "\(text.debugDescription)")
        }
    }

    @Test("an empty body, even one with no buffer behind it, escapes to nothing")
    func emptyBody() {
        let fast = FeedEscaping(origin: "https://example.org", droppedTag: Self.droppedTag)
        #expect(fast.escaped(UnsafeBufferPointer(start: nil, count: 0)).isEmpty)
    }

    @Test("an article's HTML: links made absolute, the helper's script dropped, markup escaped")
    func articleHTML() {
        let fast = FeedEscaping(origin: "https://example.org", droppedTag: Self.droppedTag)
        var html = "<p>See <a href=\"/blog/x/\">x</a> &amp; <img src=\"//cdn.test/i.png\" alt=\"\"></p>\n" + Self.droppedTag + "<p>It's done\u{1}.</p>\n"
        let escaped = html.withUTF8 { String(decoding: fast.escaped($0), as: UTF8.self) }
        #expect(escaped == "&lt;p&gt;See &lt;a href=&quot;https://example.org/blog/x/&quot;&gt;x&lt;/a&gt; &amp;amp; &lt;img src=&quot;//cdn.test/i.png&quot; alt=&quot;&quot;&gt;&lt;/p&gt;\n&lt;p&gt;It&apos;s done.&lt;/p&gt;\n")
    }
}
