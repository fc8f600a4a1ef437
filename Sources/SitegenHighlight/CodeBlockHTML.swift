/// Writes tokens as a `<pre><code>` block: each classed token in a `<span class="hl-…">`, and with line
/// options each line in a `<span class="line">` (`line hl` when highlighted). Only markup is added: with
/// the tags stripped and entities decoded, the block's text is the code exactly.
struct CodeBlockHTML {
    let language: String
    let name: String
    let options: CodeBlockOptions

    /// The block, written as UTF-8 straight from the runs' bytes.
    func html(_ runs: TokenRuns) -> String {
        var html: [UInt8] = []
        html.reserveCapacity(runs.bytes.count * 2 + 160)
        // `tabindex`: a block that scrolls sideways must be reachable by keyboard.
        html += "<pre class=\"highlight\(options.numbered ? " numbered" : "")\" tabindex=\"0\"><code class=\"language-\(Self.escape(language))\" data-lang=\"\(Self.escape(name))\">".utf8
        runs.bytes.withUnsafeBufferPointer { bytes in
            if !options.highlighted.isEmpty || options.numbered {
                byLine(runs, bytes, into: &html)
            } else {
                for run in 0..<runs.count {
                    span(UnsafeBufferPointer(rebasing: bytes[runs.start(run)..<runs.ends[run]]), runs.kinds[run], to: &html)
                }
            }
        }
        html += "</code></pre>\n".utf8
        return String(decoding: html, as: UTF8.self)
    }

    /// The runs with each line in a `<span class="line">`, split at every newline.
    private func byLine(_ runs: TokenRuns, _ bytes: UnsafeBufferPointer<UInt8>, into html: inout [UInt8]) {
        var line = 1
        var open = false
        func openLine() {
            html += (options.highlighted.contains(line) ? "<span class=\"line hl\">" : "<span class=\"line\">").utf8
            open = true
        }
        for run in 0..<runs.count {
            var start = runs.start(run)
            let end = runs.ends[run]
            while true {
                var cut = start
                while cut < end, bytes[cut] != UInt8(ascii: "\n") { cut += 1 }
                if cut > start {
                    if !open { openLine() }
                    span(UnsafeBufferPointer(rebasing: bytes[start..<cut]), runs.kinds[run], to: &html)
                }
                guard cut < end else { break }
                // A newline ends the line.
                if !open { openLine() }
                html += "</span>\n".utf8
                open = false
                line += 1
                start = cut + 1
            }
        }
        if open { html += "</span>".utf8 }
    }

    private func span(_ text: UnsafeBufferPointer<UInt8>, _ kind: String?, to html: inout [UInt8]) {
        guard let kind else { return Self.append(escaping: text, to: &html) }
        html += "<span class=\"hl-".utf8
        html += kind.utf8
        html += "\">".utf8
        Self.append(escaping: text, to: &html)
        html += "</span>".utf8
    }

    /// `&`, `<`, `>` and `"` as entities, as cmark-gfm writes code.
    static func escape(_ text: some StringProtocol) -> String {
        var escaped: [UInt8] = []
        var text = String(text)
        text.withUTF8 { append(escaping: $0, to: &escaped) }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// `text` escaped as `escape` does, appended in runs between the characters it replaces.
    static func append(escaping text: UnsafeBufferPointer<UInt8>, to html: inout [UInt8]) {
        var start = 0
        for index in 0..<text.count {
            let entity: StaticString
            switch text[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            default: continue
            }
            html.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index]))
            html.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            start = index + 1
        }
        html.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
    }
}
