/// A `Grammar` ready to scan with: each rule's pattern compiled on its own, and per state a table of the
/// rules that may match before each unit, so a position is only tried with rules that can start there.
struct CompiledGrammar: Sendable {
    struct Rule: Sendable {
        let rule: Grammar.Rule
        let pattern: ICUPattern
        /// Where scanning goes after a match: `nil` stays, else the state to enter, or `pop`.
        let action: Action
        /// The pattern's place among the grammar's distinct patterns, for its matcher.
        let slot: Int
        /// The pattern matched without the regex engine, when it has a form that allows it and the rule
        /// gives no group a class.
        let native: NativeRule?
        /// The pattern starts with `^` and has no top-level alternative: it can only match at the line's
        /// start or after a line terminator inside it.
        let lineAnchored: Bool
    }

    /// Patterns with a matcher of their own.
    enum NativeRule: Sendable {
        case words(WordList)
        case classRun(ClassRun)
        case literal(LiteralRule)
        case lineEnd(LineEndRule)
        case context(ContextRule)

        init?(pattern: String, caseInsensitive: Bool) {
            if let words = WordList(pattern: pattern, caseInsensitive: caseInsensitive) {
                self = .words(words)
            } else if let run = ClassRun(pattern: pattern, caseInsensitive: caseInsensitive) {
                self = .classRun(run)
            } else if let literal = LiteralRule(pattern: pattern, caseInsensitive: caseInsensitive) {
                self = .literal(literal)
            } else if let lineEnd = LineEndRule(pattern: pattern) {
                self = .lineEnd(lineEnd)
            } else if let context = ContextRule(pattern: pattern, caseInsensitive: caseInsensitive) {
                self = .context(context)
            } else {
                return nil
            }
        }

        func match(in units: UnsafePointer<UInt16>, count: Int, at offset: Int) -> RuleAnswer {
            switch self {
            case .words(let words): return words.match(in: units, count: count, at: offset)
            case .classRun(let run): return run.match(in: units, count: count, at: offset)
            case .literal(let literal): return literal.match(in: units, count: count, at: offset)
            case .lineEnd(let lineEnd): return lineEnd.match(in: units, count: count, at: offset)
            case .context(let context): return context.match(in: units, count: count, at: offset)
            }
        }
    }

    enum Action: Sendable, Equatable {
        case none, push(Int), pop
    }

    struct State: Sendable {
        let rules: [Rule]
        /// The class of unmatched text.
        let defaultKind: String?
        /// The rules (by index, in order) that may match before each ASCII unit (slots 0–127), before a
        /// unit beyond ASCII (slot 128) and at the end of the line (slot 129): those of slot `s` are
        /// `candidates[candidateStarts[s]..<candidateStarts[s + 1]]`, one flat array so that trying a
        /// position copies none.
        let candidates: [Int]
        let candidateStarts: [Int]

        /// The candidates' slot before `unit` (nil: at the end of the line).
        static func slot(before unit: UInt16?) -> Int {
            guard let unit else { return 129 }
            return unit < 128 ? Int(unit) : 128
        }

        /// What rule `index` matches at `offset` without the regex engine; nil when it has no matcher of its own.
        func nativeMatch(_ index: Int, in units: UnsafePointer<UInt16>, count: Int, at offset: Int) -> RuleAnswer? {
            rules[index].native?.match(in: units, count: count, at: offset)
        }
    }

    let name: String
    let states: [State]
    /// The index of `root` in `states`.
    let root: Int
    /// How many distinct patterns the rules have (the number of matcher slots).
    let patternCount: Int

    /// Throws `GrammarError` naming the state and rule whose pattern does not compile, or an unknown state.
    init(_ grammar: Grammar) throws {
        name = grammar.name
        let names = grammar.states.keys.sorted()
        guard let root = names.firstIndex(of: "root") else { throw GrammarError(state: nil, rule: nil, message: "there is no 'root' state") }
        let indices = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        // States repeat patterns (a string's escapes, a lookahead that ends embedded code): each distinct
        // one is compiled once, and its rules share one matcher slot.
        var compiled: [String: (pattern: ICUPattern, start: StartSet, slot: Int)] = [:]
        var states: [State] = []
        for stateName in names {
            var rules: [Rule] = [], starts: [StartSet] = []
            for (index, rule) in grammar.states[stateName]!.enumerated() {
                let action: Action
                switch rule.action {
                case .none: action = .none
                case .pop: action = .pop
                case .push(let target):
                    guard let target = indices[target] else { throw GrammarError(state: stateName, rule: index, message: "'push' names no state '\(target)'") }
                    action = .push(target)
                }
                // ICU refuses an empty pattern; groups only matter where a rule gives them classes, and
                // fewer groups make every match cheaper.
                let keepsGroups = !rule.groups.isEmpty || Self.hasBackReference(rule.pattern)
                let source = rule.pattern.isEmpty ? "(?:)" : keepsGroups ? rule.pattern : Self.withoutCaptures(rule.pattern)
                if compiled[source] == nil {
                    let tuned = Self.possessive(source, caseInsensitive: grammar.caseInsensitive)
                    guard let pattern = ICUPattern(tuned, caseInsensitive: grammar.caseInsensitive) else {
                        throw GrammarError(state: stateName, rule: index, message: "the pattern is not a valid regular expression")
                    }
                    compiled[source] = (pattern, PatternStart.set(of: source, caseInsensitive: grammar.caseInsensitive), compiled.count)
                }
                let (pattern, start, slot) = compiled[source]!
                let native = rule.groups.isEmpty ? NativeRule(pattern: rule.pattern, caseInsensitive: grammar.caseInsensitive) : nil
                rules.append(Rule(
                    rule: rule, pattern: pattern, action: action, slot: slot, native: native, lineAnchored: Self.isLineAnchored(rule.pattern)))
                starts.append(start)
            }
            states.append(Self.state(rules, starts: starts, defaultKind: grammar.defaults[stateName]))
        }
        self.states = states
        self.root = root
        patternCount = compiled.count
    }

    /// A state with its table of candidate rules; `starts` are the rules' start sets.
    private static func state(_ rules: [Rule], starts: [StartSet], defaultKind: String?) -> State {
        var candidates: [Int] = [], candidateStarts = [0]
        for slot in 0..<130 {
            for (index, start) in starts.enumerated() {
                let may = slot < 128 ? start.contains(unit: UInt16(slot)) : slot == 128 ? start.nonASCII : start.end
                if may { candidates.append(index) }
            }
            candidateStarts.append(candidates.count)
        }
        return State(rules: rules, defaultKind: defaultKind, candidates: candidates, candidateStarts: candidateStarts)
    }

    /// Whether `pattern` starts with `^` that applies to all of it: no `|` outside parentheses and sets.
    static func isLineAnchored(_ pattern: String) -> Bool {
        pattern.hasPrefix("^") && !hasTopLevelAlternative(pattern)
    }

    /// Whether `pattern` has a `|` outside parentheses and sets.
    private static func hasTopLevelAlternative(_ pattern: String) -> Bool {
        var groupDepth = 0, alternative = false
        forEachOperator(in: pattern) { _, byte in
            if byte == UInt8(ascii: "(") { groupDepth += 1 }
            if byte == UInt8(ascii: ")") { groupDepth -= 1 }
            if byte == UInt8(ascii: "|"), groupDepth == 0 { alternative = true }
        }
        return alternative
    }

    /// `pattern` with each top-level `[…]*` and `[…]+` made possessive (`*+`, `++`) where what follows it
    /// cannot match before any character of the set (`PatternStart`): then no shorter run could be followed
    /// by a match either, so the answers are the same, but ICU no longer tries every shorter run before
    /// failing (an identifier rule followed by `(?=\s*\()`, say, at every identifier that is not a call).
    /// A pattern with a top-level `|` is left as it is.
    static func possessive(_ pattern: String, caseInsensitive: Bool) -> String {
        // `\Q…\E` quotes what the scan would read as syntax.
        guard !pattern.contains("\\Q"), !hasTopLevelAlternative(pattern) else { return pattern }
        let bytes = Array(pattern.utf8)
        var quantifiers: [Int] = [], groupDepth = 0
        forEachOperator(in: pattern, sets: { set in
            if groupDepth == 0, let quantifier = possessiveRun(bytes, set: set, caseInsensitive: caseInsensitive) { quantifiers.append(quantifier) }
        }) { _, byte in
            if byte == UInt8(ascii: "(") { groupDepth += 1 }
            if byte == UInt8(ascii: ")") { groupDepth -= 1 }
        }
        guard !quantifiers.isEmpty else { return pattern }
        var result = bytes
        for quantifier in quantifiers.reversed() { result.insert(UInt8(ascii: "+"), at: quantifier + 1) }
        return String(decoding: result, as: UTF8.self)
    }

    /// The offset of the `*` or `+` after the top-level set at `set` in `bytes`, when it can be made
    /// possessive: greedy (not `*?`, `+?`, already possessive or `{…}`), and what follows cannot start with a
    /// character of the set.
    private static func possessiveRun(_ bytes: [UInt8], set: ClosedRange<Int>, caseInsensitive: Bool) -> Int? {
        let quantifier = set.upperBound + 1
        guard quantifier < bytes.count, bytes[quantifier] == UInt8(ascii: "*") || bytes[quantifier] == UInt8(ascii: "+") else { return nil }
        let rest = bytes[(quantifier + 1)...]
        if let next = rest.first, next == UInt8(ascii: "?") || next == UInt8(ascii: "+") { return nil }
        if rest.isEmpty { return quantifier }
        let members = PatternStart.set(of: String(decoding: bytes[set], as: UTF8.self), caseInsensitive: caseInsensitive)
        let following = PatternStart.set(of: String(decoding: rest, as: UTF8.self), caseInsensitive: caseInsensitive)
        let both = members.intersection(following)
        return both.low == 0 && both.high == 0 && !both.nonASCII ? quantifier : nil
    }

    /// Whether `pattern` may refer back to a group (`\1`, `\k<name>`), which then must stay capturing.
    static func hasBackReference(_ pattern: String) -> Bool {
        var escaped = false
        for byte in pattern.utf8 {
            if escaped, (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "k") { return true }
            escaped = !escaped && byte == UInt8(ascii: "\\")
        }
        return false
    }

    /// `pattern` with every capturing group made non-capturing: `(a|b)` → `(?:a|b)`. Escapes and
    /// bracketed sets (which may nest in ICU) are left alone.
    static func withoutCaptures(_ pattern: String) -> String {
        let bytes = Array(pattern.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 8)
        var copied = 0
        forEachOperator(in: pattern) { index, byte in
            guard byte == UInt8(ascii: "("), index + 1 == bytes.count || bytes[index + 1] != UInt8(ascii: "?") else { return }
            result += bytes[copied...index] + [UInt8(ascii: "?"), UInt8(ascii: ":")]
            copied = index + 1
        }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }

    /// Calls `body` with the offset and value of every byte of `pattern` that is regex syntax: not escaped,
    /// not the escaping `\`, and outside bracketed sets (which may nest in ICU); and `sets`, in the same
    /// order, with the offsets of each outermost set, brackets included.
    private static func forEachOperator(in pattern: String, sets: (ClosedRange<Int>) -> Void = { _ in }, _ body: (Int, UInt8) -> Void) {
        var escaped = false, setDepth = 0, setStart = 0
        for (index, byte) in pattern.utf8.enumerated() {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "[") {
                if setDepth == 0 { setStart = index }
                setDepth += 1
            } else if byte == UInt8(ascii: "]"), setDepth > 0 {
                setDepth -= 1
                if setDepth == 0 { sets(setStart...index) }
            } else if setDepth == 0 {
                body(index, byte)
            }
        }
    }
}

/// Why a grammar cannot be used: the state and rule (0-based) at fault, when known.
public struct GrammarError: Error, Sendable, Hashable {
    public var state: String?
    public var rule: Int?
    public var message: String
}
