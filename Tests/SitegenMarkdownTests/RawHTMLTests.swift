import SitegenMarkdown
import Testing

@Suite struct RawHTMLTests {
    let markdown = "Some <b>bold</b> text.\n\n<div>\nblock\n</div>\n"

    @Test func safeModeOmitsRawHTMLAndReportsWhere() throws {
        let result = try render(markdown)
        #expect(result.html == """
            <p>Some <!-- raw HTML omitted -->bold<!-- raw HTML omitted --> text.</p>
            <!-- raw HTML omitted -->

            """)
        #expect(result.rawHTML == [
            SourcePosition(line: 1, column: 6), SourcePosition(line: 1, column: 13), SourcePosition(line: 3, column: 1),
        ])
    }

    @Test func unsafeModeKeepsRawHTML() throws {
        let result = try render(markdown, options(unsafeHTML: true))
        #expect(result.html == "<p>Some <b>bold</b> text.</p>\n<div>\nblock\n</div>\n")
        #expect(result.rawHTML.count == 3)
    }

    @Test func rawHTMLInsideContainers() throws {
        let result = try render("> quote <i>x</i>\n\n- item\n\n  <p>nested</p>\n")
        #expect(result.rawHTML == [
            SourcePosition(line: 1, column: 9), SourcePosition(line: 1, column: 13), SourcePosition(line: 5, column: 3),
        ])
    }
}
