import Foundation

/// Splits code into tokens with a compiled grammar, one line at a time: patterns see the current line
/// (with its newline), states carry over from line to line. Every UTF-16 unit of the input lands in
/// exactly one token, in order, so the tokens' texts joined are the input.
struct Scanner {
    let grammar: CompiledGrammar
    /// How deep `push` may nest; deeper pushes are ignored.
    static let maximumDepth = 32

    /// Lines longer than this (in UTF-16 units) are not scanned: they take the class of the state they
    /// start in, and the state carries on unchanged (a minified file must not cost seconds).
    static let longestLine = 1_000

    func tokens(_ code: String) -> [Token] {
        var output = TokenList()
        var stack = ["root"]
        for line in Self.lines(code) {
            if line.utf16.count > Self.longestLine {
                output.append(line, grammar.states[stack.last!]!.defaultKind)
            } else {
                scan(line, stack: &stack, into: &output)
            }
        }
        return output.tokens
    }

    /// One line. A state's matches in the rest of the line are found with one search; the first match that
    /// changes the state ends them, and the rest of the line is searched again in the new state.
    private func scan(_ line: String, stack: inout [String], into output: inout TokenList) {
        let text = line as NSString
        let length = text.length
        var position = 0
        var emptyActions = 0
        // Foundation's match enumeration takes an escaping closure, so it works on copies written back below.
        var tokens = output.taken(), states = stack
        defer {
            output = tokens
            stack = states
        }
        func emit(_ start: Int, _ end: Int, _ kind: String?) {
            guard end > start else { return }
            tokens.append(text.substring(with: NSRange(location: start, length: end - start)), kind)
        }
        while position < length {
            let state = grammar.states[states.last!]!
            var changed = false
            // Matches come one by one; the search stops at the first that changes the state, and the rest of
            // the line is searched again in the new one.
            state.expression.enumerateMatches(in: line, options: [.withTransparentBounds, .withoutAnchoringBounds],
                                              range: NSRange(location: position, length: length - position)) { match, _, stop in
                guard let match else { return }
                let index = state.groups.firstIndex { match.range(at: $0).location != NSNotFound } ?? 0
                let rule = state.rules[index]
                if match.range.length == 0 {
                    // An empty match only counts when it changes the state, and only a few times in a row.
                    guard rule.action != .none else { return }
                    emit(position, match.range.location, state.defaultKind)
                    position = match.range.location
                    emptyActions += 1
                    if emptyActions > 4 {
                        let next = min(length, position + Self.unitLength(text, at: position))
                        emit(position, next, state.defaultKind)
                        position = next
                        emptyActions = 0
                        changed = true
                        stop.pointee = true
                        return
                    }
                } else {
                    emptyActions = 0
                    emit(position, match.range.location, state.defaultKind)
                    emitMatch(match, rule: rule, group: state.groups[index], default: state.defaultKind, emit: emit)
                    position = match.range.location + match.range.length
                }
                switch rule.action {
                case .none: return
                case .push(let target): if states.count < Self.maximumDepth { states.append(target) }
                case .pop: if states.count > 1 { states.removeLast() }
                }
                changed = true
                stop.pointee = true
            }
            if !changed {
                emit(position, length, state.defaultKind)
                position = length
            }
        }
    }

    /// The match in pieces: its capture groups with their classes, the rest with the rule's.
    private func emitMatch(_ match: NSTextCheckingResult, rule: Grammar.Rule, group: Int, default: String?, emit: (Int, Int, String?) -> Void) {
        let kind = rule.token ?? `default`
        var cursor = match.range.location
        let end = match.range.location + match.range.length
        for (offset, groupKind) in rule.groups.enumerated() {
            let range = match.range(at: group + 1 + offset)
            guard range.location != NSNotFound, range.location >= cursor, range.length > 0 else { continue }
            emit(cursor, range.location, kind)
            emit(range.location, range.location + range.length, groupKind ?? kind)
            cursor = range.location + range.length
        }
        emit(cursor, end, kind)
    }

    /// The lines of `code`, each with its `\n` (split on the byte, so `\r\n` stays whole).
    static func lines(_ code: String) -> [String] {
        var lines: [String] = []
        var start = code.utf8.startIndex
        for index in code.utf8.indices where code.utf8[index] == UInt8(ascii: "\n") {
            let next = code.utf8.index(after: index)
            lines.append(String(code.utf8[start..<next])!)
            start = next
        }
        if start < code.utf8.endIndex { lines.append(String(code.utf8[start...])!) }
        return lines
    }

    /// 2 at a surrogate pair, else 1.
    private static func unitLength(_ text: NSString, at offset: Int) -> Int {
        let unit = text.character(at: offset)
        return (0xD800...0xDBFF).contains(unit) && offset + 1 < text.length ? 2 : 1
    }
}

/// Tokens as they are emitted, neighbours of one class joined.
private struct TokenList {
    var tokens: [Token] = []

    /// This list, leaving this one empty (so the caller holds the only copy).
    mutating func taken() -> TokenList {
        defer { tokens = [] }
        return self
    }

    mutating func append(_ text: String, _ kind: String?) {
        if let last = tokens.indices.last, tokens[last].kind == kind {
            tokens[last].text += text
        } else {
            tokens.append(Token(text: text, kind: kind))
        }
    }
}
