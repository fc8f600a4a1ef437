import Foundation
import SitegenMarkdown
import Testing

@Suite struct HeadingAnchorTests {
    private func ids(_ markdown: String) throws -> [String] {
        try render(markdown, options(anchors: true)).headings.map(\.id)
    }

    @Test func exactHTMLOfOneHeading() throws {
        #expect(try html("## Hello *world* `code`\n", options(anchors: true)) == """
            <h2 id="hello-world-code">Hello <em>world</em> <code>code</code><a class="heading-anchor" \
            href="#hello-world-code" aria-label="Link to this section: Hello world code">#</a></h2>

            """)
    }

    @Test func duplicatesGetNumberedInDocumentOrder() throws {
        #expect(try ids("# Intro\n## Intro\n### Intro\n") == ["intro", "intro-1", "intro-2"])
    }

    @Test func generatedSuffixNeverClashesWithALiteralHeading() throws {
        #expect(try ids("# foo\n# foo\n# foo 1\n") == ["foo", "foo-1", "foo-1-1"])
        #expect(try ids("# foo 1\n# foo\n# foo\n") == ["foo-1", "foo", "foo-2"])
    }

    @Test func punctuationIsDropped() throws {
        #expect(try ids("# What's new? (v2.0)\n# C++ & Swift_UI -- tips\n") == ["whats-new-v20", "c--swift_ui----tips"])
    }

    @Test func unicodeLettersAndDigitsAreKept() throws {
        #expect(try ids("# Über Café 日本語 ٣ 🎉\n") == ["über-café-日本語-٣-"])
    }

    @Test func emptyHeadingsBecomeSection() throws {
        #expect(try ids("# !!!\n#\n# Section\n") == ["section", "section-1", "section-2"])
    }

    @Test func entitiesAreDecodedInTextAndEscapedInLabel() throws {
        let result = try render("# Tom &amp; \"Jerry\"\n", options(anchors: true))
        #expect(result.headings == [Heading(level: 1, text: "Tom & \"Jerry\"", id: "tom--jerry")])
        #expect(result.html.contains("aria-label=\"Link to this section: Tom &amp; &quot;Jerry&quot;\""))
    }

    @Test func safeModeStillOmitsRawHTMLInsideHeadings() throws {
        #expect(try html("# Hi <span>x</span>\n", options(anchors: true)) == """
            <h1 id="hi-x">Hi <!-- raw HTML omitted -->x<!-- raw HTML omitted --><a class="heading-anchor" \
            href="#hi-x" aria-label="Link to this section: Hi x">#</a></h1>

            """)
    }

    @Test func linksInHeadingsAreRewritten() throws {
        let renderer = try MarkdownRenderer(options: options(anchors: true))
        let result = renderer.render("## See [docs](a.md)\n") { $0.destination == "a.md" ? "a.html" : nil }
        #expect(result.html.hasPrefix(#"<h2 id="see-docs">See <a href="a.html">docs</a><a class="heading-anchor""#))
    }

    @Test func anchoredOutputIsPlainOutputPlusIdsAndAnchors() throws {
        let markdown = """
            # Title[^1]

            Setext *heading*
            ----------------

            - item

              ### In a list

            > ## In a quote

            - # Tight item heading
            - other

            - [ ] task

              #### In a task

            | a |
            |---|
            | b |

            [^1]: The note.

                ## In a note

            """
        var plainOptions = MarkdownOptions.site
        plainOptions.headingAnchors = false
        let plain = try html(markdown, plainOptions)
        let anchored = try html(markdown, .site)
        let stripped = anchored
            .replacingOccurrences(of: #"(<h[1-6]) id="[^"]*">"#, with: "$1>", options: .regularExpression)
            .replacingOccurrences(of: #"<a class="heading-anchor"[^>]*>#</a>"#, with: "", options: .regularExpression)
        #expect(stripped == plain)
        #expect(anchored.contains(#"<section class="footnotes" data-footnotes>"#))
        #expect(anchored.components(separatedBy: "heading-anchor").count - 1 == 7)
    }
}
