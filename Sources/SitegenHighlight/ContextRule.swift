/// A `WordList` or `ClassRun` rule with a fixed context around it: after a `.` (`(?<=\.)`), or before a
/// call's parenthesis (`(?=\s*\()`, `(?=\()`). Grammars mark method and function names this way, and these
/// were the rules the regex engine ran most often on the benchmark corpus.
struct ContextRule: Sendable {
    enum Inner: Sendable {
        case words(WordList)
        case classRun(ClassRun)
    }

    /// What must follow the match: `(` at once, or after white space.
    enum Call: Sendable {
        case adjacent, afterSpaces
    }

    let inner: Inner
    /// Whether the unit before the match must be `.`.
    let afterDot: Bool
    let call: Call?

    /// The rule of such a pattern; nil for any other pattern, and for a run that could go on through the
    /// space or `(` of a call (then a shorter match might be the one that is followed by the call).
    init?(pattern: String, caseInsensitive: Bool) {
        var body = Substring(pattern)
        afterDot = body.hasPrefix(#"(?<=\.)"#)
        if afterDot { body = body.dropFirst(#"(?<=\.)"#.count) }
        if body.hasSuffix(#"(?=\s*\()"#) {
            call = .afterSpaces
            body = body.dropLast(#"(?=\s*\()"#.count)
        } else if body.hasSuffix(#"(?=\()"#) {
            call = .adjacent
            body = body.dropLast(#"(?=\()"#.count)
        } else {
            call = nil
        }
        guard afterDot || call != nil else { return nil }
        if let words = WordList(pattern: String(body), caseInsensitive: caseInsensitive) {
            inner = .words(words)
        } else if call != nil, let words = WordList(pattern: body + #"\b"#, caseInsensitive: caseInsensitive) {
            // Every word ends in a word character, and a call's space or `(` is not one: the boundary holds.
            inner = .words(words)
        } else if let run = ClassRun(pattern: String(body), caseInsensitive: caseInsensitive),
            call == nil || ![0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x28].contains(where: run.mayContinue(with:))
        {
            inner = .classRun(run)
        } else {
            return nil
        }
    }

    func match(in units: UnsafePointer<UInt16>, count: Int, at offset: Int) -> RuleAnswer {
        if afterDot, offset == 0 || units[offset - 1] != 0x2E { return .noMatch }
        let answer: RuleAnswer
        switch inner {
        case .words(let words): answer = words.match(in: units, count: count, at: offset)
        case .classRun(let run): answer = run.match(in: units, count: count, at: offset)
        }
        guard case .match(let end) = answer, let call else { return answer }
        return Self.isCall(call, in: units, count: count, at: end)
    }

    /// Whether `(` follows `end`, at once or after ICU's `\s` (`[\t\n\f\r\p{Z}]`); undecided where a unit
    /// beyond ASCII, or an ASCII control that may or may not count, comes first.
    private static func isCall(_ call: Call, in units: UnsafePointer<UInt16>, count: Int, at end: Int) -> RuleAnswer {
        var position = end
        if call == .afterSpaces {
            while position < count, isSpace(units[position]) { position += 1 }
        }
        guard position < count else { return .noMatch }
        let unit = units[position]
        if unit == 0x28 { return .match(end: end) }
        if call == .afterSpaces, unit >= 0x80 || unit == 0x0B || (0x1C...0x1F).contains(unit) { return .undecided }
        return .noMatch
    }

    /// The ASCII units ICU's `\s` always takes.
    private static func isSpace(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x09, 0x0A, 0x0C, 0x0D, 0x20: return true
        default: return false
        }
    }
}
