/// What a rule matched without the regex engine (`WordList`, `ClassRun`, `LiteralRule`, `LineEndRule`,
/// `ContextRule`) says at a position.
enum RuleAnswer: Equatable {
    /// A match from the position to this offset (empty when they are equal).
    case match(end: Int)
    case noMatch
    /// The regex engine must decide.
    case undecided
}
