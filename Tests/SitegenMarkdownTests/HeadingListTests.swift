import SitegenMarkdown
import Testing

@Suite struct HeadingListTests {
    @Test func everyHeadingWithLevelAndPlainText() throws {
        let markdown = """
            # One *two* `three`

            Para.

            Setext
            line two
            ========

            ###### Six ![alt](x.png) <b>raw</b> &copy;

            """
        #expect(try render(markdown).headings == [
            Heading(level: 1, text: "One two three", id: ""),
            Heading(level: 1, text: "Setext line two", id: ""),
            Heading(level: 6, text: "Six alt raw ©", id: ""),
        ])
    }

    @Test func idsFilledOnlyWithAnchors() throws {
        #expect(try render("## A b\n", options(anchors: true)).headings == [Heading(level: 2, text: "A b", id: "a-b")])
        #expect(try render("## A b\n").headings == [Heading(level: 2, text: "A b", id: "")])
    }

    @Test func noHeadings() throws {
        #expect(try render("just text\n").headings.isEmpty)
        #expect(try render("").headings.isEmpty)
    }
}
