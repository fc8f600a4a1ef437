#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        runs(code).tokens
    }

    /// `code` as runs of classed UTF-8, read a line at a time straight from its bytes.
    func runs(_ code: String) -> TokenRuns {
        var output = TokenRuns(capacity: code.utf8.count)
        var stack = [grammar.root]
        let matcher = LineMatcher(grammar: grammar, capacity: Self.longestLine)
        var code = code
        code.withUTF8 { text in
            guard let base = text.baseAddress else { return }
            var start = 0
            while start < text.count {
                let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), text.count - start)
                let end = newline.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) + 1 } ?? text.count
                let line = UnsafeBufferPointer(rebasing: text[start..<end])
                // A line takes no more UTF-16 units than bytes, so only a long one is counted.
                if line.count > Self.longestLine, LineMatcher.utf16Count(line) > Self.longestLine {
                    output.append(line, grammar.states[stack.last!].defaultKind)
                } else {
                    matcher.load(line)
                    scan(matcher, stack: &stack, into: &output)
                }
                start = end
            }
        }
        return output
    }

    /// One line. Matches are found one by one as a search of the state's rules joined in one alternation
    /// would find them; the first match that changes the state ends the search, and the rest of the line
    /// is searched again in the new state.
    private func scan(_ line: LineMatcher, stack: inout [Int], into output: inout TokenRuns) {
        let length = line.length
        var position = 0
        var emptyActions = 0
        func emit(_ start: Int, _ end: Int, _ kind: String?) {
            guard end > start else { return }
            line.append(start..<end, kind, to: &output)
        }
        while position < length {
            let state = grammar.states[stack.last!]
            var changed = false, from = position
            while let found = line.firstMatch(in: state, from: from) {
                // The rule's fields are read where they are needed: copying a whole rule per match retained
                // each of its strings and arrays.
                let action = state.rules[found.rule].action, range = found.range
                if range.isEmpty {
                    // An empty match only counts when it changes the state, and only a few times in a row;
                    // the search goes on one character further.
                    guard action != .none else {
                        guard range.lowerBound < length else { break }
                        from = range.lowerBound + line.unitLength(at: range.lowerBound)
                        continue
                    }
                    emit(position, range.lowerBound, state.defaultKind)
                    position = range.lowerBound
                    emptyActions += 1
                    if emptyActions > 4 {
                        let next = position + line.unitLength(at: position)
                        emit(position, next, state.defaultKind)
                        position = next
                        emptyActions = 0
                        changed = true
                        break
                    }
                } else {
                    emptyActions = 0
                    emit(position, range.lowerBound, state.defaultKind)
                    emitMatch(found.matcher, range: range, rule: state.rules[found.rule].rule, default: state.defaultKind, emit: emit)
                    position = range.upperBound
                    from = position
                }
                switch action {
                case .none: continue
                case .push(let target): if stack.count < Self.maximumDepth { stack.append(target) }
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

    /// The match in pieces: its capture groups with their classes, the rest with the rule's.
    private func emitMatch(_ matcher: ICUMatcher?, range: Range<Int>, rule: Grammar.Rule, default: String?, emit: (Int, Int, String?) -> Void) {
        let kind = rule.token ?? `default`
        var cursor = range.lowerBound
        for (offset, groupKind) in rule.groups.enumerated() {
            guard let group = matcher?.range(1 + offset), group.lowerBound >= cursor, !group.isEmpty else { continue }
            emit(cursor, group.lowerBound, kind)
            emit(group.lowerBound, group.upperBound, groupKind ?? kind)
            cursor = group.upperBound
        }
        emit(cursor, range.upperBound, kind)
    }
}
