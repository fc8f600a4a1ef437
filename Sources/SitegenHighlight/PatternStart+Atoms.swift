extension PatternStart {
    /// One atom: a group, a bracketed set, an escape, `.`, an anchor or a literal character.
    mutating func atom(ignoreCase: inout Bool) throws -> Piece {
        let scalar = try take()
        switch scalar {
        case "(": return try group(ignoreCase: &ignoreCase)
        case "[": return Piece(first: try set(ignoreCase: ignoreCase), empty: .none)
        case "\\": return try escape(ignoreCase: ignoreCase)
        case ".": return Piece(first: .anyUnit, empty: .none)
        case "^", "$": return .nothing
        case "*", "+", "?", "{", ")", "|": throw NotUnderstood()
        default: return Piece(first: try Self.literal(scalar, ignoreCase: ignoreCase), empty: .none)
        }
    }

    /// A group, after its `(`, through its `)`: capturing or not, a lookaround, a comment or flags.
    private mutating func group(ignoreCase: inout Bool) throws -> Piece {
        enum Kind { case plain, lookahead, assertion }
        var kind = Kind.plain, inner = ignoreCase
        if skip("?") {
            switch try take() {
            case ":", ">": break
            case "=": kind = .lookahead
            case "!": kind = .assertion
            case "#":
                while try take() != ")" {}
                return .nothing
            case "<":
                if skip("=") || skip("!") {
                    kind = .assertion  // a lookbehind: looks back, so it says nothing about what follows
                } else {
                    while try take() != ">" {}  // a named group
                }
            default:
                index -= 1
                let (turnsOnCase, scoped) = try flags()
                guard scoped else {
                    if turnsOnCase { ignoreCase = true }
                    return .nothing
                }
                if turnsOnCase { inner = true }
            }
        }
        let content = try alternation(caseInsensitive: inner)
        guard skip(")") else { throw NotUnderstood() }
        switch kind {
        case .plain: return content
        case .lookahead: return Piece(first: .none, empty: content.start)
        case .assertion: return .nothing
        }
    }

    /// `(?i)` or `(?i-m:`, after the `(?`: whether `i` is turned on, and whether a scoped group (`:`)
    /// follows. Turning case off is ignored (caring about case never adds places); `x` changes the syntax.
    private mutating func flags() throws -> (turnsOnCase: Bool, scoped: Bool) {
        var on = true, turnsOnCase = false
        while true {
            switch try take() {
            case "-": on = false
            case "i": turnsOnCase = turnsOnCase || on
            case "m", "s", "w", "u": break
            case ":": return (turnsOnCase, true)
            case ")": return (turnsOnCase, false)
            default: throw NotUnderstood()
            }
        }
    }

    /// An escape outside a set, after its backslash.
    private mutating func escape(ignoreCase: Bool) throws -> Piece {
        let scalar = try take()
        switch scalar {
        case "b", "B", "A", "z", "Z", "G": return .nothing
        case "d", "D", "w", "W", "s", "S": return Piece(first: Self.shorthand(scalar).over, empty: .none)
        case "h", "H", "v", "V", "R", "X": return Piece(first: .anyUnit, empty: .none)
        case "p", "P", "N":
            try skipProperty()
            return Piece(first: .anyUnit, empty: .none)
        default:
            guard !("1"..."9").contains(scalar), scalar != "k", scalar != "Q" else { throw NotUnderstood() }
            return Piece(first: try Self.literal(try escapedCharacter(scalar), ignoreCase: ignoreCase), empty: .none)
        }
    }

    /// `{Name}` or a one-letter name after `\p`, `\P` or `\N`.
    mutating func skipProperty() throws {
        if skip("{") {
            while try take() != "}" {}
        } else {
            _ = try take()
        }
    }

    /// The character an escape such as `\n`, `\x41`, `\u00e9`, `\0` or `\.` stands for, after the backslash
    /// and `letter`.
    mutating func escapedCharacter(_ letter: Unicode.Scalar) throws -> Unicode.Scalar {
        let value: UInt32
        switch letter {
        case "n": value = 0x0A
        case "t": value = 0x09
        case "r": value = 0x0D
        case "f": value = 0x0C
        case "a": value = 0x07
        case "e": value = 0x1B
        case "x": value = skip("{") ? try hexadecimal(upTo: 8, closing: true) : try hexadecimal(upTo: 2, closing: false)
        case "u": value = try hexadecimal(upTo: 4, closing: false)
        case "U": value = try hexadecimal(upTo: 8, closing: false)
        case "0": value = octal()
        case "c": value = (try take()).value & 0x1F
        default:
            // Other letters and digits are classes, anchors or references; anything else stands for itself.
            guard !letter.properties.isAlphabetic, !("0"..."9").contains(letter) else { throw NotUnderstood() }
            value = letter.value
        }
        guard let scalar = Unicode.Scalar(value) else { throw NotUnderstood() }
        return scalar
    }

    private mutating func hexadecimal(upTo count: Int, closing: Bool) throws -> UInt32 {
        var text = ""
        while text.count < count, let scalar = next, scalar.properties.isASCIIHexDigit {
            text.unicodeScalars.append(try take())
        }
        if closing, !skip("}") { throw NotUnderstood() }
        guard let value = UInt32(text, radix: 16) else { throw NotUnderstood() }
        return value
    }

    /// Up to three octal digits after `\0`.
    private mutating func octal() -> UInt32 {
        var value: UInt32 = 0, count = 0
        while count < 3, let scalar = next, ("0"..."7").contains(scalar) {
            value = value * 8 + scalar.value - 0x30
            index += 1
            count += 1
        }
        return value
    }

    /// One character as a set. Without case, a character beyond ASCII may match ASCII text (`ſ` matches
    /// `s`), which is not worked out.
    static func literal(_ scalar: Unicode.Scalar, ignoreCase: Bool) throws -> StartSet {
        guard scalar.isASCII else {
            if ignoreCase { throw NotUnderstood() }
            return StartSet(nonASCII: true)
        }
        let set = StartSet(ascii: [UInt8(scalar.value)])
        return ignoreCase ? set.caseClosed() : set
    }

    /// `\d`, `\w`, `\s` and their negations as ICU defines them: a set that holds every character of the
    /// class (`over`), and one that holds only characters of the class (`under`, exact on ASCII but for
    /// `\s`, never beyond ASCII).
    static func shorthand(_ letter: Unicode.Scalar) -> (over: StartSet, under: StartSet) {
        let lower: (over: StartSet, under: StartSet)
        switch letter {
        case "d", "D":
            lower = (StartSet(ascii: 0x30...0x39, nonASCII: true), StartSet(ascii: 0x30...0x39))
        case "w", "W":
            let word: [UInt8] = Array(0x30...0x39) + Array(0x41...0x5A) + Array(0x61...0x7A) + [0x5F]
            lower = (StartSet(ascii: word, nonASCII: true), StartSet(ascii: word))
        default:  // `[\t\n\f\r\p{Z}]`; vertical tab is not in it, but taking it in is safe
            lower = (StartSet(ascii: [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20], nonASCII: true), StartSet(ascii: [0x09, 0x0A, 0x0C, 0x0D, 0x20]))
        }
        guard letter.properties.isUppercase else { return lower }
        var under = lower.over.complementingUnits()
        under.nonASCII = false
        return (lower.under.complementingUnits(), under)
    }
}
