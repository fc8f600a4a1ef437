import SitegenMarkdown
import Testing

/// Expected strings are what `cmark-gfm` 0.29.0.gfm.6 prints with the same `-e` flags.
@Suite struct ExtensionRenderingTests {
    @Test func tableAlignmentAsStyleForHTML5() throws {
        let markdown = "| a | b |\n|:--|--:|\n| 1 | 2 |\n"
        let rendered = try html(markdown, options([.table], styleAttributes: true))
        #expect(rendered.contains("<th style=\"text-align: left\">a</th>"))
        #expect(rendered.contains("<td style=\"text-align: right\">2</td>"))
        #expect(!rendered.contains(" align="))
    }

    @Test func accessibleMarkupMakesScrollingBlocksFocusableAndLabelsCheckboxes() throws {
        let markdown = "| a |\n|---|\n| 1 |\n\n```\ncode\n```\n\n- [x] done\n- [ ] open\n"
        let rendered = try html(markdown, options([.table, .tasklist], accessible: true))
        #expect(rendered.contains("<table tabindex=\"0\">"))
        #expect(rendered.contains("<pre tabindex=\"0\"><code>code"))
        #expect(rendered.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" /> done"))
        #expect(rendered.contains("<input type=\"checkbox\" disabled=\"\" aria-label=\"Not done\" /> open"))
        let plain = try html(markdown, options([.table, .tasklist]))
        #expect(!plain.contains("tabindex") && !plain.contains("aria-label"))
    }

    @Test func tableBecomesATable() throws {
        let markdown = "| a | b |\n|---|:-:|\n| 1 | 2 |\n"
        #expect(try html(markdown, options([.table])) == """
            <table>
            <thead>
            <tr>
            <th>a</th>
            <th align="center">b</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>1</td>
            <td align="center">2</td>
            </tr>
            </tbody>
            </table>

            """)
        #expect(try html(markdown).hasPrefix("<p>"))
    }

    @Test func strikethrough() throws {
        #expect(try html("~~gone~~ and ~one~\n", options([.strikethrough])) == "<p><del>gone</del> and <del>one</del></p>\n")
        #expect(try html("~~kept~~\n") == "<p>~~kept~~</p>\n")
    }

    @Test func tasklist() throws {
        #expect(try html("- [ ] todo\n- [x] done\n", options([.tasklist])) == """
            <ul>
            <li><input type="checkbox" disabled="" /> todo</li>
            <li><input type="checkbox" checked="" disabled="" /> done</li>
            </ul>

            """)
    }

    @Test func autolink() throws {
        let markdown = "Visit www.example.com or https://x.org/a and me@x.org\n"
        #expect(try html(markdown, options([.autolink])) == """
            <p>Visit <a href="http://www.example.com">www.example.com</a> or \
            <a href="https://x.org/a">https://x.org/a</a> and <a href="mailto:me@x.org">me@x.org</a></p>

            """)
        #expect(try html(markdown) == "<p>\(markdown.dropLast())</p>\n")
    }

    @Test func tagfilter() throws {
        let markdown = "<title>x</title> <xmp>\n"
        #expect(try html(markdown, options([.tagfilter], unsafeHTML: true)) == "&lt;title>x&lt;/title> &lt;xmp>\n")
        #expect(try html(markdown, options(unsafeHTML: true)) == markdown)
    }

    @Test func footnotes() throws {
        let markdown = "Text[^1] more[^n].\n\n[^1]: First.\n[^n]: Second *note*.\n"
        #expect(try html(markdown, options(footnotes: true)) == """
            <p>Text<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup> \
            more<sup class="footnote-ref"><a href="#fn-n" id="fnref-n" data-footnote-ref>2</a></sup>.</p>
            <section class="footnotes" data-footnotes>
            <ol>
            <li id="fn-1">
            <p>First. <a href="#fnref-1" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a></p>
            </li>
            <li id="fn-n">
            <p>Second <em>note</em>. <a href="#fnref-n" class="footnote-backref" data-footnote-backref \
            aria-label="Back to content">↩</a></p>
            </li>
            </ol>
            </section>

            """)
    }

    @Test func smartPunctuation() throws {
        #expect(try html("\"Hello\" -- it's... ---\n", options(smart: true)) == "<p>“Hello” – it’s… —</p>\n")
    }

    @Test func everyExtensionIsKnown() throws {
        let renderer = try MarkdownRenderer(options: .site)
        #expect(renderer.options == .site)
        #expect(MarkdownError.missingExtension("x") == .missingExtension("x"))
    }
}
