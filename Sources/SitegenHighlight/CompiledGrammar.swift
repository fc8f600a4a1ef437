import Foundation

/// A `Grammar` with each state's rules joined into one regular expression, so one search finds the next
/// token whichever rule it belongs to.
struct CompiledGrammar: Sendable {
    struct State: Sendable {
        let expression: NSRegularExpression
        let rules: [Grammar.Rule]
        /// Per rule, the number of the group that wraps its whole pattern.
        let groups: [Int]
        /// The class of unmatched text.
        let defaultKind: String?
    }

    let name: String
    let states: [String: State]

    /// Throws `GrammarError` naming the state and rule whose pattern does not compile, or an unknown state.
    init(_ grammar: Grammar) throws {
        name = grammar.name
        guard grammar.states["root"] != nil else { throw GrammarError(state: nil, rule: nil, message: "there is no 'root' state") }
        var states: [String: State] = [:]
        for (stateName, rules) in grammar.states {
            var groups: [Int] = []
            var next = 1
            for (index, rule) in rules.enumerated() {
                if case .push(let target) = rule.action, grammar.states[target] == nil {
                    throw GrammarError(state: stateName, rule: index, message: "'push' names no state '\(target)'")
                }
                let single: NSRegularExpression
                do {
                    // ICU refuses an empty pattern on its own; inside the joined expression it is fine.
                    single = try NSRegularExpression(pattern: rule.pattern.isEmpty ? "(?:)" : rule.pattern, options: Self.options(grammar))
                } catch {
                    throw GrammarError(state: stateName, rule: index, message: "the pattern is not a valid regular expression")
                }
                groups.append(next)
                next += 1 + single.numberOfCaptureGroups
            }
            // Groups only matter where a rule gives them classes; fewer groups make every match cheaper.
            let joined = rules.isEmpty ? "(?!)" : rules.map { "(\($0.groups.isEmpty ? Self.withoutCaptures($0.pattern) : $0.pattern))" }.joined(separator: "|")
            let expression = try NSRegularExpression(pattern: joined, options: Self.options(grammar))
            states[stateName] = State(expression: expression, rules: rules, groups: groups, defaultKind: grammar.defaults[stateName])
        }
        self.states = states
    }

    /// `pattern` with every capturing group made non-capturing: `(a|b)` → `(?:a|b)`. Escapes and
    /// bracketed sets (which may nest in ICU) are left alone.
    static func withoutCaptures(_ pattern: String) -> String {
        var result = ""
        var escaped = false, setDepth = 0
        var scalars = pattern.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            result.unicodeScalars.append(scalar)
            if escaped {
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else if scalar == "[" {
                setDepth += 1
            } else if scalar == "]", setDepth > 0 {
                setDepth -= 1
            } else if scalar == "(", setDepth == 0, pending != "?" {
                result += "?:"
            }
        }
        return result
    }

    private static func options(_ grammar: Grammar) -> NSRegularExpression.Options {
        grammar.caseInsensitive ? [.anchorsMatchLines, .caseInsensitive] : [.anchorsMatchLines]
    }
}

/// Why a grammar cannot be used: the state and rule (0-based) at fault, when known.
public struct GrammarError: Error, Sendable, Hashable {
    public var state: String?
    public var rule: Int?
    public var message: String
}
