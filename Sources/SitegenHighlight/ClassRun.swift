/// A rule of the form `[A-Za-z_][A-Za-z0-9_]*` (one character from a set, then any number from another),
/// `[-+*/=]+` or `[(){},;]` (one character), all sets plain ASCII (ranges and literal characters), matched
/// without the regex engine; optionally after one literal character that may be left out, such as
/// `#?[A-Za-z_$][A-Za-z0-9_$]*` or `-?[A-Za-z_][-A-Za-z0-9_]*`. Grammars catch identifiers, operators and
/// punctuation this way, so these rules run at nearly every token.
struct ClassRun: Sendable {
    /// The optional character before the sets (ASCII, neither letter nor digit).
    private let prefix: UInt8?
    private let first: [Bool]
    /// What may follow the first character (nothing for a single character).
    private let rest: [Bool]

    /// In a grammar that ignores case, a set also holds characters beyond ASCII (the Kelvin sign for `k`):
    /// where one comes, ICU decides.
    private let caseInsensitive: Bool

    /// The sets of such a pattern (closed under ASCII case when `caseInsensitive`); nil for any other pattern.
    init?(pattern: String, caseInsensitive: Bool) {
        var reader = BracketReader(text: Array(pattern.utf8))
        prefix = reader.optionalLiteral()
        guard let first = reader.set() else { return nil }
        let rest: [Bool]
        if reader.atEnd {
            rest = [Bool](repeating: false, count: 128)
        } else if reader.rest == [UInt8(ascii: "+")] {
            rest = first
        } else if let set = reader.set(), reader.take(UInt8(ascii: "*")), reader.atEnd {
            rest = set
        } else {
            return nil
        }
        self.first = caseInsensitive ? Self.caseClosed(first) : first
        self.rest = caseInsensitive ? Self.caseClosed(rest) : rest
        self.caseInsensitive = caseInsensitive
    }

    private static func caseClosed(_ set: [Bool]) -> [Bool] {
        var closed = set
        for letter in UInt8(ascii: "a")...UInt8(ascii: "z") where set[Int(letter)] || set[Int(letter - 0x20)] {
            closed[Int(letter)] = true
            closed[Int(letter - 0x20)] = true
        }
        return closed
    }

    /// Whether the ASCII `unit` may come after the first character.
    func mayContinue(with unit: UInt8) -> Bool {
        rest[Int(unit)]
    }

    /// The match at `offset` of the `count` units at `units`: a character of the first set there, then
    /// as many of the second as follow. A unit beyond ASCII is in neither set (unless case is ignored).
    func match(in units: UnsafePointer<UInt16>, count: Int, at offset: Int) -> RuleAnswer {
        // `x?` is greedy: the sets are tried after the `x` first, and only then from `x` itself.
        if let prefix, offset < count, units[offset] == UInt16(prefix) {
            let after = matchSets(in: units, count: count, at: offset + 1)
            if after != .noMatch { return after }
        }
        return matchSets(in: units, count: count, at: offset)
    }

    /// The sets' match at `offset`, without the prefix.
    private func matchSets(in units: UnsafePointer<UInt16>, count: Int, at offset: Int) -> RuleAnswer {
        guard offset < count else { return .noMatch }
        guard units[offset] < 128 else { return caseInsensitive ? .undecided : .noMatch }
        guard first[Int(units[offset])] else { return .noMatch }
        var end = offset + 1
        while end < count, units[end] < 128, rest[Int(units[end])] { end += 1 }
        if caseInsensitive, end < count, units[end] >= 128 { return .undecided }
        return .match(end: end)
    }
}

/// Reads `[…]` sets of ASCII characters and ranges (`a-z`, `\-`, `\$`, a `-` first or last); nil for
/// anything else: negation, classes such as `\w`, nested sets, characters beyond ASCII.
private struct BracketReader {
    let text: [UInt8]
    var position = 0

    var atEnd: Bool { position == text.count }

    /// What is still to read.
    var rest: ArraySlice<UInt8> { text[position...] }

    /// Reads `x?` (a literal ASCII character that is neither a letter nor a digit, or such a character
    /// escaped, then a greedy `?`) when it comes next, giving the character; nil, reading nothing, otherwise.
    mutating func optionalLiteral() -> UInt8? {
        let start = position
        guard position < text.count else { return nil }
        var byte = text[position]
        if byte == UInt8(ascii: "\\") {
            guard position + 1 < text.count else { return nil }
            byte = text[position + 1]
            position += 2
        } else {
            // Outside a set these are syntax, not characters.
            guard !"^$.|?*+()[]{}".utf8.contains(byte) else { return nil }
            position += 1
        }
        guard byte > 0x20, byte < 0x7F, !ASCII.isLetterOrDigit(byte), position < text.count, text[position] == UInt8(ascii: "?"),
              position + 1 == text.count || (text[position + 1] != UInt8(ascii: "?") && text[position + 1] != UInt8(ascii: "+"))
        else {
            position = start
            return nil
        }
        position += 1
        return byte
    }

    /// Steps over `byte` when it comes next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard position < text.count, text[position] == byte else { return false }
        position += 1
        return true
    }

    mutating func set() -> [Bool]? {
        guard position < text.count, text[position] == UInt8(ascii: "[") else { return nil }
        position += 1
        var members = [Bool](repeating: false, count: 128)
        // `[^…]` is a negation and `[:alpha:]` a POSIX class, not sets of those characters.
        guard position < text.count, text[position] != UInt8(ascii: "^"), text[position] != UInt8(ascii: ":") else { return nil }
        while position < text.count, text[position] != UInt8(ascii: "]") {
            guard let low = character() else { return nil }
            var high = low
            if position + 1 < text.count, text[position] == UInt8(ascii: "-"), text[position + 1] != UInt8(ascii: "]") {
                position += 1
                guard let end = character(), end >= low else { return nil }
                high = end
            }
            for member in low...high { members[Int(member)] = true }
        }
        guard position < text.count else { return nil }
        position += 1
        return members
    }

    /// One literal character of a set: a printable ASCII byte other than `[`, `]`, `\`, or `\` and a
    /// punctuation character.
    private mutating func character() -> UInt8? {
        guard position < text.count else { return nil }
        var byte = text[position]
        if byte == UInt8(ascii: "\\") {
            guard position + 1 < text.count else { return nil }
            position += 1
            byte = text[position]
            // `\w`, `\d`, `\n` and the like are classes or controls; only escaped punctuation is literal.
            guard byte < 128, !ASCII.isLetterOrDigit(byte) else { return nil }
        } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte < 0x20 || byte >= 0x7F {
            return nil
        }
        position += 1
        return byte
    }
}
