import Foundation
import SitegenHighlight

/// The scanner as it was before rules were tried one by one: each state's rules joined in one
/// alternation `(r1)|(r2)|…`, searched with `NSRegularExpression`. The engine must find the same tokens.
struct ReferenceScanner {
    struct State {
        let expression: NSRegularExpression
        let rules: [Grammar.Rule]
        let groups: [Int]
        let defaultKind: String?
    }

    let states: [String: State]

    init(_ grammar: Grammar) throws {
        let options: NSRegularExpression.Options = grammar.caseInsensitive ? [.anchorsMatchLines, .caseInsensitive] : [.anchorsMatchLines]
        var states: [String: State] = [:]
        for (name, rules) in grammar.states {
            var groups: [Int] = [], next = 1
            for rule in rules {
                groups.append(next)
                next += 1 + (try NSRegularExpression(pattern: rule.pattern.isEmpty ? "(?:)" : rule.pattern, options: options)).numberOfCaptureGroups
            }
            let joined = rules.isEmpty ? "(?!)" : rules.map { "(\($0.pattern))" }.joined(separator: "|")
            states[name] = State(expression: try NSRegularExpression(pattern: joined, options: options), rules: rules, groups: groups, defaultKind: grammar.defaults[name])
        }
        self.states = states
    }

    func tokens(_ code: String) -> [Token] {
        var tokens: [Token] = []
        var stack = ["root"]
        var lines = code.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String($0)! + "\n" }
        lines[lines.count - 1].removeLast()
        for line in lines where !line.isEmpty {
            if line.utf16.count > 1_000 {
                Self.append(line, states[stack.last!]!.defaultKind, to: &tokens)
            } else {
                scan(line, stack: &stack, into: &tokens)
            }
        }
        return tokens
    }

    private func scan(_ line: String, stack: inout [String], into tokens: inout [Token]) {
        let text = line as NSString
        let length = text.length
        var position = 0, emptyActions = 0
        func emit(_ start: Int, _ end: Int, _ kind: String?) {
            if end > start { Self.append(text.substring(with: NSRange(location: start, length: end - start)), kind, to: &tokens) }
        }
        while position < length {
            let state = states[stack.last!]!
            var changed = false
            var matches: [NSTextCheckingResult] = []
            state.expression.enumerateMatches(in: line, options: [.withTransparentBounds, .withoutAnchoringBounds],
                                              range: NSRange(location: position, length: length - position)) { match, _, stop in
                guard let match else { return }
                matches.append(match)
                let rule = state.rules[state.groups.firstIndex { match.range(at: $0).location != NSNotFound }!]
                if rule.action != .none { stop.pointee = true }
            }
            for match in matches {
                let index = state.groups.firstIndex { match.range(at: $0).location != NSNotFound }!
                let rule = state.rules[index]
                if match.range.length == 0 {
                    guard rule.action != .none else { continue }
                    emit(position, match.range.location, state.defaultKind)
                    position = match.range.location
                    emptyActions += 1
                    if emptyActions > 4 {
                        let unit = position < length ? text.character(at: position) : 0
                        let next = min(length, position + ((0xD800...0xDBFF).contains(unit) ? 2 : 1))
                        emit(position, next, state.defaultKind)
                        position = next
                        emptyActions = 0
                        changed = true
                        break
                    }
                } else {
                    emptyActions = 0
                    emit(position, match.range.location, state.defaultKind)
                    var cursor = match.range.location
                    let kind = rule.token ?? state.defaultKind
                    for (offset, groupKind) in rule.groups.enumerated() {
                        let range = match.range(at: state.groups[index] + 1 + offset)
                        guard range.location != NSNotFound, range.location >= cursor, range.length > 0 else { continue }
                        emit(cursor, range.location, kind)
                        emit(range.location, range.location + range.length, groupKind ?? kind)
                        cursor = range.location + range.length
                    }
                    emit(cursor, match.range.location + match.range.length, kind)
                    position = match.range.location + match.range.length
                }
                switch rule.action {
                case .none: continue
                case .push(let target): if stack.count < 32 { stack.append(target) }
                case .pop: if stack.count > 1 { stack.removeLast() }
                }
                changed = true
                break
            }
            if !changed {
                emit(position, length, state.defaultKind)
                position = length
            }
        }
    }

    private static func append(_ text: String, _ kind: String?, to tokens: inout [Token]) {
        if let last = tokens.indices.last, tokens[last].kind == kind {
            tokens[last].text += text
        } else {
            tokens.append(Token(text: text, kind: kind))
        }
    }
}
