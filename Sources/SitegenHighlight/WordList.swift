/// A rule that matches whole words from a list, `\b(?:if|else|for)\b` (optionally after `(?<!\.)`), matched
/// without the regex engine where that gives the same answer: at a position where a word starts, the run
/// of word characters there is looked up in the list. Where the answer depends on characters beyond ASCII
/// (whether they are word characters, how case folds), the engine decides.
struct WordList: Sendable {
    /// The words by length and first unit (lower-cased when `caseInsensitive`): `buckets[length][first]`.
    private let buckets: [[[[UInt16]]]]
    private let caseInsensitive: Bool
    /// `(?<!\.)`: no match right after a dot.
    private let notAfterDot: Bool

    /// The list of a pattern of that form (an alternation of words, groups of alternatives and optional
    /// groups allowed, as `words:` rules are written); nil for any other pattern.
    init?(pattern: String, caseInsensitive: Bool) {
        var body = Substring(pattern)
        let dot = body.hasPrefix(#"(?<!\.)"#)
        if dot { body = body.dropFirst(#"(?<!\.)"#.count) }
        guard body.hasPrefix(#"\b(?:"#), body.hasSuffix(#")\b"#) else { return nil }
        var reader = AlternationReader(text: Array(body.utf8.dropFirst(5).dropLast(3)))
        guard let words = reader.alternation(), reader.atEnd, !words.isEmpty else { return nil }
        let longest = words.map(\.utf8.count).max()!
        var buckets = Array(repeating: Array(repeating: [[UInt16]](), count: 128), count: longest + 1)
        for word in Set(words) {
            let units = word.utf8.map { UInt16(caseInsensitive ? ASCII.lowercased($0) : $0) }
            buckets[units.count][Int(units[0])].append(units)
        }
        self.buckets = buckets
        self.caseInsensitive = caseInsensitive
        notAfterDot = dot
    }

    /// Whether a word of the list starts at `offset` of the `count` units at `units`.
    func match(in units: UnsafePointer<UInt16>, count: Int, at offset: Int) -> RuleAnswer {
        if offset > 0 {
            let previous = units[offset - 1]
            guard previous < 128 else { return .undecided }
            if ASCII.isWord(previous) || (notAfterDot && previous == UInt16(UInt8(ascii: "."))) { return .noMatch }
        }
        var end = offset
        while end < count, units[end] < 128, ASCII.isWord(units[end]) { end += 1 }
        if end < count, units[end] >= 128 { return .undecided }
        let length = end - offset
        guard length > 0, length < buckets.count else { return .noMatch }
        let first = caseInsensitive ? ASCII.lowercased(units[offset]) : units[offset]
        for word in buckets[length][Int(first)] where matches(word, units + offset) { return .match(end: end) }
        return .noMatch
    }

    private func matches(_ word: [UInt16], _ start: UnsafePointer<UInt16>) -> Bool {
        for (index, unit) in word.enumerated() where (caseInsensitive ? ASCII.lowercased(start[index]) : start[index]) != unit { return false }
        return true
    }
}

/// Expands `a(?:s(?:ync)?|wait)|b` into its words; nil for anything but ASCII word characters, `|`,
/// `(?:…)` and a `?` after a group.
private struct AlternationReader {
    let text: [UInt8]
    var position = 0

    var atEnd: Bool { position == text.count }

    mutating func alternation() -> [String]? {
        var words: [String] = []
        repeat {
            guard let branch = branch() else { return nil }
            words += branch
        } while take(UInt8(ascii: "|"))
        return words
    }

    /// Letters, then at most one group (optional or not) that ends the branch.
    private mutating func branch() -> [String]? {
        var head: [UInt8] = []
        while position < text.count, ASCII.isWord(text[position]) {
            head.append(text[position])
            position += 1
        }
        let prefix = String(decoding: head, as: UTF8.self)
        guard take(UInt8(ascii: "(")) else { return head.isEmpty ? nil : [prefix] }
        guard take(UInt8(ascii: "?")), take(UInt8(ascii: ":")), let rests = alternation(), take(UInt8(ascii: ")")) else { return nil }
        let optional = take(UInt8(ascii: "?"))
        let words = rests.map { prefix + $0 } + (optional ? [prefix] : [])
        return words.contains(where: \.isEmpty) ? nil : words
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard position < text.count, text[position] == byte else { return false }
        position += 1
        return true
    }
}
