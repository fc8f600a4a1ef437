import SitegenMarkdown
import Testing

@Suite struct WordCountTests {
    @Test func wordsSplitOverInlineNodesCountOnce() throws {
        #expect(try render("Hello *wor*ld, a_b wow! `code here`\n").wordCount == 6)
    }

    @Test func codeBlocksCount() throws {
        #expect(try render("Intro\n\n```\nlet x = 1\n```\n").wordCount == 5)
    }

    @Test func blocksAndBreaksSeparateWords() throws {
        #expect(try render("# Title\nBody\nnext\n").wordCount == 3)
        #expect(try render("| a | b |\n|---|---|\n| c | d |\n", options([.table])).wordCount == 4)
    }

    @Test func markupAndRawHTMLDoNotCount() throws {
        #expect(try render("<div>\nnot counted\n</div>\n\n---\n\n[link](url) <b>x</b>\n").wordCount == 2)
        #expect(try render("").wordCount == 0)
    }
}
