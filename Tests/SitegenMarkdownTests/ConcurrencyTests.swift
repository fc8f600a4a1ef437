@testable import SitegenMarkdown
import Testing

@Suite struct ConcurrencyTests {
    let documents = [
        "# Title\n\nText with [a link](a.md) and a footnote[^1].\n\n[^1]: Note.\n",
        "| a | b |\n|---|---|\n| ~~x~~ | www.example.com |\n\n- [x] done\n",
        "## Same\n## Same\n\n<div>raw</div>\n\n```\ncode block\n```\n",
        "> \"Smart\" -- quotes...\n>\n> ![img](pic.png)\n",
        // Emphasis beside `~`, whose flanking depends on the tables strikethrough switches.
        "a ~*b*~ c *~d~* e ~~*f*~~ _g_~h~ **~i~** ~_j_ k_~ www.example.com/~l~\n",
    ]

    #if os(Linux)
    /// On Linux the executable's gate takes cmark-gfm's calls, so parses need no lock once one has run.
    @Test func theGateGuardsParsesAfterTheFirst() throws {
        _ = try MarkdownRenderer(options: .site).render("~~a~~ www.example.com\n")
        #expect(CMarkDocument.parsesConcurrently)
    }
    #endif

    @Test func parallelRendersEqualSerialRenders() async throws {
        let renderer = try MarkdownRenderer(options: .site)
        let rewrite: @Sendable (LinkReference) -> String? = { $0.destination.hasSuffix(".md") ? "/x/" + $0.destination : nil }
        let serial = documents.map { renderer.render($0, rewriteLink: rewrite) }
        let parallel = await withTaskGroup(of: (Int, RenderedMarkdown).self) { group in
            for round in 0..<400 {
                let index = round % documents.count
                let document = documents[index]
                group.addTask { (index, renderer.render(document, rewriteLink: rewrite)) }
            }
            var results: [(Int, RenderedMarkdown)] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(parallel.count == 400)
        for (index, result) in parallel {
            #expect(result == serial[index])
        }
    }

    @Test func renderersWithDifferentOptionsDoNotDisturbEachOther() async throws {
        let variants: [MarkdownOptions] = [.site, .commonMark, options([.strikethrough]), options([.autolink, .table])]
        let serial = try variants.map { option in try documents.map { try render($0, option) } }
        let parallel = await withTaskGroup(of: (Int, Int, RenderedMarkdown?).self) { group in
            for round in 0..<400 {
                let variant = round % variants.count, index = (round / variants.count) % documents.count
                let option = variants[variant], document = documents[index]
                group.addTask { (variant, index, try? MarkdownRenderer(options: option).render(document)) }
            }
            var results: [(Int, Int, RenderedMarkdown?)] = []
            for await result in group { results.append(result) }
            return results
        }
        for (variant, index, result) in parallel {
            #expect(result == serial[variant][index])
        }
    }
}
