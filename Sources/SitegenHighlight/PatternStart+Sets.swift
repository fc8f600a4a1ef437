extension PatternStart {
    /// A bracketed set, after its `[`, through its `]`: the units it may match. Nested sets, set
    /// operations, properties and POSIX classes are read over and give any unit.
    mutating func set(ignoreCase: Bool) throws -> StartSet {
        let negated = skip("^")
        guard next != "]" else { throw NotUnderstood() }  // `[]…]`: whether `]` is a member is not worked out
        var over = StartSet.none, under = StartSet.none
        var understood = true, beyondASCII = false
        while true {
            let scalar = try take()
            switch scalar {
            case "]":
                guard understood, !(ignoreCase && (negated || beyondASCII)) else { return .anyUnit }
                return negated ? under.complementingUnits() : ignoreCase ? over.caseClosed() : over
            case "[":
                _ = try set(ignoreCase: ignoreCase)
                understood = false
            case "&" where next == "&", "-" where next == "-":
                understood = false
            case "\\" where next.map { "dDwWsS".unicodeScalars.contains($0) } ?? false:
                let (classOver, classUnder) = Self.shorthand(try take())
                over = over.union(classOver)
                under = under.union(classUnder)
            case "\\" where next.map { "pPN".unicodeScalars.contains($0) } ?? false:
                index += 1
                try skipProperty()
                understood = false
            default:
                let first = scalar == "\\" ? try escapedCharacter(try take()) : scalar
                var last = first
                if next == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                    index += 1
                    let bound = try take()
                    guard bound != "[" else { throw NotUnderstood() }
                    last = bound == "\\" ? try escapedCharacter(try take()) : bound
                }
                guard first.value <= last.value else { throw NotUnderstood() }
                beyondASCII = beyondASCII || !last.isASCII
                let members = Self.range(first, last)
                over = over.union(members)
                under = under.union(members)
            }
        }
    }

    /// The characters `first` through `last`: the ASCII ones, and whether any is beyond.
    private static func range(_ first: Unicode.Scalar, _ last: Unicode.Scalar) -> StartSet {
        var set = StartSet(nonASCII: !last.isASCII)
        if first.isASCII { set.insert(UInt8(first.value), through: UInt8(min(last.value, 127))) }
        return set
    }
}
