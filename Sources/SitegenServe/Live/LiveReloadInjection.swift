/// Where and what the preview server adds to the HTML it sends: the live-reload script tag, right before
/// the last `</body>` (or at the end when there is none). Stored bytes are never changed.
enum LiveReloadInjection {
    /// The tag that is inserted into a page whose stored bytes have the SHA-256 `sha256`: the script
    /// compares it with the page's current entity tag whenever it (re)connects, so a page that missed a
    /// reload event (it was loading, or in the back-forward cache) reloads then.
    static func tag(sha256: String) -> [UInt8] {
        Array(#"<script src="/__sitegen/live.js" data-sha256="\#(sha256)" defer></script>"#.utf8)
    }

    /// `html`, whose stored bytes have the SHA-256 `sha256`, with the tag inserted.
    static func inject(into html: [UInt8], sha256: String) -> [UInt8] {
        let tag = tag(sha256: sha256)
        let offset = insertionOffset(in: html)
        var result: [UInt8] = []
        result.reserveCapacity(html.count + tag.count)
        result += html[..<offset]
        result += tag
        result += html[offset...]
        return result
    }

    /// The offset of the last `</body>` closing tag (any case, `</body >` too), or the end of `html`.
    static func insertionOffset(in html: [UInt8]) -> Int {
        let name = Array("</body".utf8)
        var start = html.count - name.count
        while start >= 0 {
            if matches(name, in: html, at: start) {
                let next = start + name.count
                // `</bodyx>` is another element; a closing tag ends the name with `>`, whitespace or `/`.
                if next == html.count || [UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"),
                                          UInt8(ascii: "\r"), UInt8(ascii: "/")].contains(html[next]) {
                    return start
                }
            }
            start -= 1
        }
        return html.count
    }

    private static func matches(_ name: [UInt8], in html: [UInt8], at start: Int) -> Bool {
        for (offset, expected) in name.enumerated() {
            var byte = html[start + offset]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
            if byte != expected { return false }
        }
        return true
    }
}
