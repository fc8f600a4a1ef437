import Foundation
import SitegenHighlight
import Yams

/// Reads the highlighter's languages, one YAML file each in `templates/highlight/` (format:
/// docs/highlighting.md), reporting every problem at its line and column.
struct LanguageParser {
    static let folder = "templates/highlight/"

    /// One language file as read and compiled, with the node of each alias and the file's block for later messages.
    struct Parsed: Sendable {
        let grammar: Grammar
        let highlighter: Highlighter
        /// Where each alias is written.
        let aliasMarks: [Mark?]
        let block: YAMLBlock
    }

    /// The highlighter for every language file in `templates`, and the grammars it was made from; nil
    /// (with the diagnostics) when any file has an error.
    static func highlighter(templates: [String: Data]) -> (Highlighter?, [Grammar], [Diagnostic]) {
        var languages: [Parsed] = []
        var diagnostics: [Diagnostic] = []
        var owners: [String: String] = [:]
        let paths = templates.keys.sorted().filter { $0.hasPrefix(folder) && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }
        // Every build starts with these files, so they are read on all cores; the rest is in path order.
        let results = paths.concurrentMap { path in parse(path: path, data: templates[path]!) }
        for (path, (parsed, problems)) in zip(paths, results) {
            diagnostics += problems
            guard let parsed else { continue }
            for (alias, mark) in zip(parsed.grammar.aliases, parsed.aliasMarks) {
                if let owner = owners[alias.lowercased()] {
                    diagnostics.append(parsed.block.diagnostic(.error, "alias '\(alias)' is already taken by \(owner)", at: mark))
                }
                owners[alias.lowercased()] = path
            }
            languages.append(parsed)
        }
        let grammars = languages.map(\.grammar)
        guard !diagnostics.hasErrors else { return (nil, grammars, diagnostics) }
        return (Highlighter(merging: languages.map(\.highlighter)), grammars, diagnostics)
    }

    /// One language file, read and compiled (each file on its own, so every broken file is reported), or
    /// nil with the diagnostics.
    static func parse(path: String, data: Data) -> (Parsed?, [Diagnostic]) {
        let source: SourceText
        switch SourceText.decode(data, path: path) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let text): source = text
        }
        let block = YAMLBlock(source: source, yaml: source.text, firstLine: 1)
        let entries: [YAMLEntry]
        switch block.topLevelMapping(what: "a language file") {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let value): entries = value
        }
        var reader = LanguageReader(reader: YAMLValueReader(block: block))
        let read = reader.grammar(entries, path: path)
        let diagnostics = reader.reader.diagnostics
        guard let (grammar, aliasNodes, ruleNodes) = read, !diagnostics.hasErrors else { return (nil, diagnostics) }
        do {
            let highlighter = try Highlighter(grammars: [grammar])
            return (Parsed(grammar: grammar, highlighter: highlighter, aliasMarks: aliasNodes.map(\.mark), block: block), diagnostics)
        } catch let error as LanguageError {
            let node = error.error.state.flatMap { state in error.error.rule.flatMap { ruleNodes[state]?[$0] } }
            return (nil, diagnostics + [block.diagnostic(.error, error.error.message, at: node?.mark)])
        } catch {
            return (nil, diagnostics + [block.diagnostic(.error, "\(error)", at: nil)])
        }
    }
}

/// The highlighter of a site, for `sitegen highlight`.
public enum SiteHighlighter {
    /// The highlighter for the language files among `templates` (`templates/highlight/*.yaml`), and
    /// `Name: alias, alias` per language, sorted by name; throws `BuildFailure` with every problem of those files.
    public static func load(templates: [String: Data]) throws -> (highlighter: Highlighter, languages: [String]) {
        let (highlighter, grammars, diagnostics) = LanguageParser.highlighter(templates: templates)
        guard let highlighter else { throw BuildFailure(diagnostics: diagnostics) }
        return (highlighter, grammars.map { "\($0.name): \($0.aliases.joined(separator: ", "))" }.sorted())
    }
}

/// The typed reads of one language file.
struct LanguageReader {
    var reader: YAMLValueReader
    static let keys = ["name", "aliases", "case_insensitive", "defaults", "states"]
    static let ruleKeys = ["match", "words", "token", "groups", "push", "pop"]

    mutating func grammar(_ entries: [YAMLEntry], path: String) -> (Grammar, [Node], [String: [Node]])? {
        var name: String?, aliases: [(value: String, node: Node)] = [], caseInsensitive = false
        var defaults: [String: String] = [:], states: [String: [Grammar.Rule]] = [:], ruleNodes: [String: [Node]] = [:]
        var statesEntry: YAMLEntry?
        for entry in entries {
            switch entry.name {
            case "name": name = reader.string(entry)
            case "aliases": aliases = reader.stringList(entry) ?? []
            case "case_insensitive": reader.bool(entry, into: &caseInsensitive)
            case "defaults":
                for item in reader.mapping(entry) where !item.value.isNull {
                    if let kind = token(item) { defaults[item.name] = kind }
                }
            case "states":
                statesEntry = entry
                for state in reader.mapping(entry) {
                    guard case .sequence(let items) = state.value else {
                        reader.error("state '\(state.name)' must be a list of rules, found \(state.value.kindDescription)", at: state.value)
                        continue
                    }
                    let rules = items.map { (rule($0), $0) }
                    states[state.name] = rules.compactMap(\.0)
                    ruleNodes[state.name] = rules.filter { $0.0 != nil }.map(\.1)
                }
            default: reader.unknownKey(entry, known: Self.keys, severity: .error, in: nil)
            }
        }
        let top = entries.first?.key ?? Node("")
        if name == nil { reader.error("a language file needs 'name'", at: top) }
        if aliases.isEmpty { reader.error("a language file needs 'aliases', the fence words that select it", at: top) }
        if let statesEntry, states["root"] == nil { reader.error("'states' needs a 'root' state, where scanning starts", at: statesEntry.key) }
        if statesEntry == nil { reader.error("a language file needs 'states'", at: top) }
        guard let name else { return nil }
        let grammar = Grammar(name: name, aliases: aliases.map(\.value), states: states, defaults: defaults, caseInsensitive: caseInsensitive)
        return (grammar, aliases.map(\.node), ruleNodes)
    }

    private mutating func rule(_ node: Node) -> Grammar.Rule? {
        guard case .mapping(let mapping) = node else {
            reader.error("a rule must be a mapping such as {match: '//.*', token: comment}, found \(node.kindDescription)", at: node)
            return nil
        }
        var pattern: String?, kind: String?, groups: [String?] = [], action = Grammar.Action.none
        for entry in mapping.map({ YAMLEntry(key: $0.key, value: $0.value) }) {
            switch entry.name {
            case "match": pattern = reader.string(entry)
            case "words":
                let reported = reader.diagnostics.count
                let words = wordList(entry)
                // Only when the list has no other problem: `['']` or `{a: 1}` is already reported.
                if words.isEmpty, reader.diagnostics.count == reported { reader.error("'words' must list at least one word", at: entry.value) }
                pattern = words.isEmpty ? "(?!)" : "\\b(?:" + Self.trie(Set(words).sorted()) + ")\\b"
            case "token": kind = entry.value.isNull ? nil : token(entry)
            case "groups":
                guard case .sequence(let items) = entry.value else {
                    reader.error("'groups' must be a list of classes (null: the rule's token)", at: entry.value)
                    continue
                }
                groups = items.map { $0.isNull ? nil : token(YAMLEntry(key: entry.key, value: $0)) }
            case "push": if let target = reader.string(entry) { action = .push(target) }
            case "pop": if reader.bool(entry) == true { action = .pop }
            default: reader.unknownKey(entry, known: Self.ruleKeys, severity: .error, in: "rule")
            }
        }
        guard let pattern else {
            reader.error("a rule needs 'match' (a regular expression) or 'words' (a list of words)", at: node)
            return nil
        }
        return Grammar.Rule(pattern: pattern, token: kind, groups: groups, action: action)
    }

    /// An alternation matching exactly `words` (sorted, distinct, none empty), with common prefixes
    /// factored out (`a(?:s(?:ync)?|wait)`): the regex engine then tries a handful of branches at each
    /// position instead of every word.
    static func trie(_ words: [String]) -> String {
        let bytes = words.map { Array($0.utf8) }
        var pattern: [UInt8] = []
        appendAlternation(of: bytes, Array(bytes.indices), from: 0, to: &pattern)
        return String(decoding: pattern, as: UTF8.self)
    }

    /// The alternation of `words[members]` (UTF-8) from their scalar at byte `depth` on; each member is
    /// longer than `depth`, and all share the bytes before it.
    private static func appendAlternation(of words: [[UInt8]], _ members: [Int], from depth: Int, to pattern: inout [UInt8]) {
        var index = 0
        while index < members.count {
            let word = words[members[index]], first = index == 0
            let head = word[depth..<(depth + scalarLength(word[depth]))]
            var ended = false, longer: [Int] = []
            while index < members.count, words[members[index]].dropFirst(depth).starts(with: head) {
                if words[members[index]].count == head.endIndex { ended = true } else { longer.append(members[index]) }
                index += 1
            }
            if !first { pattern.append(UInt8(ascii: "|")) }
            appendEscaped(head, to: &pattern)
            if longer.count == 1, !ended {
                appendEscaped(words[longer[0]][head.endIndex...], to: &pattern)
            } else if !longer.isEmpty {
                pattern += "(?:".utf8
                appendAlternation(of: words, longer, from: head.endIndex, to: &pattern)
                pattern += (ended ? ")?" : ")").utf8
            }
        }
    }

    /// The bytes of a scalar whose UTF-8 starts with `lead`.
    private static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// `bytes`, with a backslash before each character that is special in a pattern, as
    /// `NSRegularExpression.escapedPattern(for:)` escapes it.
    private static func appendEscaped(_ bytes: ArraySlice<UInt8>, to pattern: inout [UInt8]) {
        for byte in bytes {
            if isSpecial(byte) { pattern.append(UInt8(ascii: "\\")) }
            pattern.append(byte)
        }
    }

    /// The words of a `words` list, read as `YAMLValueReader.stringList` reads them; none may be empty.
    private mutating func wordList(_ entry: YAMLEntry) -> [String] {
        var words: [String] = []
        for (word, node) in reader.stringList(entry) ?? [] {
            if word.isEmpty {
                reader.error("a word in '\(entry.name)' cannot be empty", at: node)
            } else {
                words.append(word)
            }
        }
        return words
    }

    /// One of `*?+[(){}^$|\./`.
    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2A, 0x3F, 0x2B, 0x5B, 0x28, 0x29, 0x7B, 0x7D, 0x5E, 0x24, 0x7C, 0x5C, 0x2E, 0x2F: return true
        default: return false
        }
    }

    /// A class name, checked against the known ones.
    private mutating func token(_ entry: YAMLEntry) -> String? {
        guard let kind = entry.value.text else {
            reader.error("a class must be text, found \(entry.value.kindDescription)", at: entry.value)
            return nil
        }
        guard Grammar.classes.contains(kind) else {
            reader.error("unknown class '\(kind)'\(Suggestion.didYouMean(kind, in: Grammar.classes.sorted()))", at: entry.value)
            return nil
        }
        return kind
    }
}
