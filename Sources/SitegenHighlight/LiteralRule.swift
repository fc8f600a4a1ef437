/// A rule that is literal text (`"""`, `*/`, `\]\]`), optionally followed by `[^\n]*` (`//[^\n]*`, a
/// comment to the end of the line), matched without the regex engine: the units at the position are
/// compared with the text.
struct LiteralRule: Sendable {
    private let text: [UInt16]
    /// `[^\n]*` follows: the match goes on up to the line's newline.
    private let toLineEnd: Bool

    /// The text of such a pattern; nil for any other pattern, and for grammars that ignore case.
    init?(pattern: String, caseInsensitive: Bool) {
        guard !caseInsensitive else { return nil }
        var bytes = Array(pattern.utf8)
        let tail = Array(#"[^\n]*"#.utf8)
        toLineEnd = bytes.count > tail.count && bytes.suffix(tail.count).elementsEqual(tail)
        if toLineEnd { bytes.removeLast(tail.count) }
        var text: [UInt16] = []
        var index = 0
        while index < bytes.count {
            var byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                // Only escaped punctuation is literal: `\n`, `\d`, `\1` and the like are not.
                guard index + 1 < bytes.count else { return nil }
                index += 1
                byte = bytes[index]
                guard byte > 0x20, byte < 0x7F, !ASCII.isLetterOrDigit(byte) else { return nil }
            } else if byte < 0x20 || byte >= 0x7F || Self.metacharacters.contains(byte) {
                return nil
            }
            text.append(UInt16(byte))
            index += 1
        }
        guard !text.isEmpty else { return nil }
        self.text = text
    }

    private static let metacharacters = Set("^$.|?*+()[]{}\\".utf8)

    /// The match at `offset` of the `count` units at `units`.
    func match(in units: UnsafePointer<UInt16>, count: Int, at offset: Int) -> RuleAnswer {
        guard offset + text.count <= count else { return .noMatch }
        for (index, unit) in text.enumerated() where units[offset + index] != unit { return .noMatch }
        var end = offset + text.count
        if toLineEnd {
            while end < count, units[end] != 0x0A { end += 1 }
        }
        return .match(end: end)
    }
}
