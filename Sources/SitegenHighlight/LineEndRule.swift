/// The rule `$` (an empty match where the line ends, to leave a state there), answered without the regex
/// engine at the plain cases: the end of the text, and a newline not after a carriage return. At other line
/// terminators ICU decides.
struct LineEndRule: Sendable {
    init?(pattern: String) {
        guard pattern == "$" else { return nil }
    }

    func match(in units: UnsafePointer<UInt16>, count: Int, at offset: Int) -> RuleAnswer {
        guard offset < count else { return .match(end: offset) }
        switch units[offset] {
        case 0x0A: return offset > 0 && units[offset - 1] == 0x0D ? .undecided : .match(end: offset)
        case 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return .undecided
        default: return .noMatch
        }
    }
}
