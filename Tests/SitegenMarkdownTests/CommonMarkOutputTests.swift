import SitegenMarkdown
import Testing

/// `.commonMark` must print exactly what the `cmark-gfm` command prints; expectations were produced with it.
@Suite struct CommonMarkOutputTests {
    @Test(arguments: [
        (
            "# Hello *world*\n\nSome `code` & <b>raw</b> text.\n",
            "<h1>Hello <em>world</em></h1>\n<p>Some <code>code</code> &amp; <!-- raw HTML omitted -->raw<!-- raw HTML omitted --> text.</p>\n"
        ),
        ("- a\n- b\n\n1. one\n2. two\n", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n"),
        (
            "> quote\n\n```swift\nlet x = 1 < 2\n```\n",
            "<blockquote>\n<p>quote</p>\n</blockquote>\n<pre><code class=\"language-swift\">let x = 1 &lt; 2\n</code></pre>\n"
        ),
        (
            "[link](https://example.com \"title\") ![alt](img.png)\n\n***\n",
            "<p><a href=\"https://example.com\" title=\"title\">link</a> <img src=\"img.png\" alt=\"alt\" /></p>\n<hr />\n"
        ),
        ("", ""),
    ])
    func matchesCmarkGFM(markdown: String, expected: String) throws {
        #expect(try html(markdown) == expected)
    }

    @Test func commonMarkAddsNothing() throws {
        let result = try render("# Intro\n\n\"quotes\" -- www.example.com ~~x~~\n")
        #expect(result.html == "<h1>Intro</h1>\n<p>&quot;quotes&quot; -- www.example.com ~~x~~</p>\n")
    }
}
