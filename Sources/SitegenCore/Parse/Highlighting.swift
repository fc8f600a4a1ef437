import SitegenHighlight
import SitegenMarkdown

/// Syntax highlighting as the parse stage uses it: the highlighter and the languages it was made from
/// (which a cached body's rendering depends on).
struct Highlighting: Sendable {
    let highlighter: Highlighter
    let grammars: [Grammar]

    /// The highlighted block for a fence whose language is known; nil otherwise (cmark-gfm then writes
    /// it as plain code with its `language-…` class). Settings it does not understand are warnings at the fence.
    func html(for block: FencedBlock, source: ArticleText, diagnostics: inout [Diagnostic]) -> String? {
        let (language, options, problems) = CodeBlockOptions.parse(info: block.info)
        guard !language.isEmpty, highlighter.language(language) != nil else { return nil }
        let line = block.position.line + source.bodyFirstLine - 1
        for problem in problems {
            diagnostics.append(source.text.diagnostic(.warning, problem, line: line, column: block.position.column))
        }
        return highlighter.html(block.literal, language: language, options: options)
    }
}
