/// Reads an ICU pattern far enough to tell where its matches may start (`StartSet`), so a rule is only
/// tried where it can match. Conservative: whatever is not understood may start anywhere.
struct PatternStart {
    /// What a piece of pattern can do at a position: the units a non-empty match may begin with, and where
    /// it may match nothing (`.none`: never; `.any`: anywhere, as `x?`; a lookahead narrows it).
    struct Piece {
        var first: StartSet
        var empty: StartSet

        /// Matches nothing, anywhere: the neutral element of a sequence.
        static let nothing = Piece(first: .none, empty: .any)
        static let unknown = Piece(first: .any, empty: .any)

        /// `self` then `next`.
        func then(_ next: Piece) -> Piece {
            Piece(first: first.union(empty.intersection(next.first)), empty: empty.intersection(next.empty))
        }

        func or(_ other: Piece) -> Piece {
            Piece(first: first.union(other.first), empty: empty.union(other.empty))
        }

        /// Where a match of any length may start.
        var start: StartSet { first.union(empty) }
    }

    struct NotUnderstood: Error {}

    let scalars: [Unicode.Scalar]
    var index = 0

    /// The positions where a match of `pattern` may start; `.any` when the pattern is beyond this reading.
    static func set(of pattern: String, caseInsensitive: Bool) -> StartSet {
        var reader = PatternStart(scalars: Array(pattern.unicodeScalars))
        guard let piece = try? reader.alternation(caseInsensitive: caseInsensitive), reader.index == reader.scalars.count else { return .any }
        return piece.start
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    var next: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func take() throws -> Unicode.Scalar {
        guard let scalar = next else { throw NotUnderstood() }
        index += 1
        return scalar
    }

    mutating func skip(_ scalar: Unicode.Scalar) -> Bool {
        guard next == scalar else { return false }
        index += 1
        return true
    }

    /// Branches up to the end or the `)` closing the group (left unread).
    mutating func alternation(caseInsensitive: Bool) throws -> Piece {
        var ignoreCase = caseInsensitive  // `(?i)` holds to the end of the group, across branches
        var result = try sequence(ignoreCase: &ignoreCase)
        while skip("|") {
            result = result.or(try sequence(ignoreCase: &ignoreCase))
        }
        return result
    }

    private mutating func sequence(ignoreCase: inout Bool) throws -> Piece {
        var result = Piece.nothing
        while let scalar = next, scalar != "|", scalar != ")" {
            let atom = try self.atom(ignoreCase: &ignoreCase)
            result = result.then(try quantified(atom))
        }
        return result
    }

    /// `atom` with the quantifier that follows it, if any.
    private mutating func quantified(_ atom: Piece) throws -> Piece {
        let optional: Bool
        switch next {
        case "*", "?": optional = true; index += 1
        case "+": optional = false; index += 1
        case "{": optional = try interval() == 0
        default: return atom
        }
        if next == "?" || next == "+" { index += 1 }  // lazy or possessive: the same places
        return optional ? Piece(first: atom.first, empty: .any) : atom
    }

    /// Reads `{n}`, `{n,}` or `{n,m}`, giving n.
    private mutating func interval() throws -> Int {
        index += 1
        let minimum = digits()
        if skip(",") { _ = digits() }
        guard let minimum, skip("}") else { throw NotUnderstood() }
        return minimum
    }

    private mutating func digits() -> Int? {
        var text = ""
        while let scalar = next, ("0"..."9").contains(scalar) {
            text.unicodeScalars.append(scalar)
            index += 1
        }
        return Int(text)
    }
}
