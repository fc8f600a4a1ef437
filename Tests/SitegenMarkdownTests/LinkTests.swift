import SitegenMarkdown
import Testing

@Suite struct LinkTests {
    let markdown = """
        Intro [one](one.md) text.

        > Quote ![pic](img/a.png)

        - item [two](https://x.org/two)
          and [ref] on line six

        [ref]: guide.md#setup

        """

    @Test func linksInOrderWithExactPositions() throws {
        #expect(try render(markdown).links == [
            LinkReference(kind: .link, destination: "one.md", position: SourcePosition(line: 1, column: 7)),
            LinkReference(kind: .image, destination: "img/a.png", position: SourcePosition(line: 3, column: 9)),
            LinkReference(kind: .link, destination: "https://x.org/two", position: SourcePosition(line: 5, column: 8)),
            LinkReference(kind: .link, destination: "guide.md#setup", position: SourcePosition(line: 6, column: 7)),
        ])
    }

    @Test func rewritingRelativeMarkdownLinksAndImages() throws {
        var seen: [String] = []
        let result = try MarkdownRenderer(options: .commonMark).render(markdown) { link in
            let destination = link.destination
            seen.append(destination)
            if destination.hasPrefix("img/") { return "/assets/" + destination }
            if destination.hasPrefix("http") { return nil }
            return destination.replacingFirst(".md", with: ".html")
        }
        #expect(seen == ["one.md", "img/a.png", "https://x.org/two", "guide.md#setup"])
        #expect(result.html.contains(#"<a href="one.html">one</a>"#))
        #expect(result.html.contains(#"<img src="/assets/img/a.png" alt="pic" />"#))
        #expect(result.html.contains(#"<a href="https://x.org/two">two</a>"#))
        #expect(result.html.contains(#"<a href="guide.html#setup">ref</a>"#))
        #expect(result.links.map(\.destination) == ["one.md", "img/a.png", "https://x.org/two", "guide.md#setup"])
    }

    @Test func extensionAutolinkWithoutPositionFallsBackToItsParagraph() throws {
        let result = try render("text\nmail me@x.org\n", options([.autolink]))
        #expect(result.links == [
            LinkReference(kind: .link, destination: "mailto:me@x.org", position: SourcePosition(line: 1, column: 1)),
        ])
    }

    @Test func positionsStayExactAfterSpansThatCrossLines() throws {
        let result = try render("a `code\nspan` <b\nc=\"d\"> [x](y)\n")
        #expect(result.links.first?.position == SourcePosition(line: 3, column: 8))
        #expect(result.rawHTML == [SourcePosition(line: 2, column: 7)])
    }

    @Test func columnsCountUTF8Bytes() throws {
        // cmark-gfm's columns are byte offsets: "é" is two bytes.
        #expect(try render("é [a](b)\n").links.first?.position == SourcePosition(line: 1, column: 4))
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
