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
            for token in tokens { span(token.text, token.kind, to: &html) }
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
                    span(piece, token.kind, to: &html)
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

    private func span(_ text: some StringProtocol, _ kind: String?, to html: inout String) {
        guard let kind else { return Self.append(escaping: text, to: &html) }
        html += "<span class=\"hl-"
        html += kind
        html += "\">"
        Self.append(escaping: text, to: &html)
        html += "</span>"
    }

    /// `&`, `<`, `>` and `"` as entities, as cmark-gfm writes code.
    static func escape(_ text: some StringProtocol) -> String {
        var escaped = ""
        append(escaping: text, to: &escaped)
        return escaped
    }

    /// `text` escaped as `escape` does, appended in runs between the characters it replaces.
    static func append(escaping text: some StringProtocol, to html: inout String) {
        let utf8 = text.utf8
        var start = utf8.startIndex, index = start
        while index != utf8.endIndex {
            let entity: String
            switch utf8[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            default:
                index = utf8.index(after: index)
                continue
            }
            html += text[start..<index]
            html += entity
            index = utf8.index(after: index)
            start = index
        }
        html += text[start..<index]
    }
}
