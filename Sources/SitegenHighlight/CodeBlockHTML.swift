/// Writes tokens as a `<pre><code>` block: each classed token in a `<span class="hl-…">`, and with line
/// options each line in a `<span class="line">` (`line hl` when highlighted). Only markup is added: with
/// the tags stripped and entities decoded, the block's text is the code exactly.
struct CodeBlockHTML {
    let language: String
    let name: String
    let options: CodeBlockOptions

    func html(_ tokens: [Token]) -> String {
        let byLine = !options.highlighted.isEmpty || options.numbered
        // `tabindex`: a block that scrolls sideways must be reachable by keyboard.
        var html = "<pre class=\"highlight\(options.numbered ? " numbered" : "")\" tabindex=\"0\"><code class=\"language-\(Self.escape(language))\" data-lang=\"\(Self.escape(name))\">"
        guard byLine else {
            for token in tokens { html += span(token.text, token.kind) }
            return html + "</code></pre>\n"
        }
        var line = 1
        var open = false
        func openLine() {
            html += options.highlighted.contains(line) ? "<span class=\"line hl\">" : "<span class=\"line\">"
            open = true
        }
        for token in tokens {
            var pieces = token.text.split(separator: "\n", omittingEmptySubsequences: false)[...]
            while let piece = pieces.popFirst() {
                if !piece.isEmpty {
                    if !open { openLine() }
                    html += span(piece, token.kind)
                }
                if !pieces.isEmpty {  // a newline ends the line
                    if !open { openLine() }
                    html += "</span>\n"
                    open = false
                    line += 1
                }
            }
        }
        if open { html += "</span>" }
        return html + "</code></pre>\n"
    }

    private func span(_ text: some StringProtocol, _ kind: String?) -> String {
        guard let kind else { return Self.escape(text) }
        return "<span class=\"hl-\(kind)\">\(Self.escape(text))</span>"
    }

    /// `&`, `<`, `>` and `"` as entities, as cmark-gfm writes code.
    static func escape(_ text: some StringProtocol) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
