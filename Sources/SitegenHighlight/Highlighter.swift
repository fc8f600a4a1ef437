/// Build-time syntax highlighting: code in, HTML spans with `hl-<class>` classes out. Languages are data
/// (`Grammar`); this type knows none of them.
public struct Highlighter: Sendable {
    /// Compiled grammars by lower-cased alias.
    private let grammars: [String: CompiledGrammar]

    /// A highlighter for `grammars`; throws `LanguageError` for the first one that cannot be compiled.
    /// A later grammar's alias wins over an earlier one's (a site's own language over the theme's).
    public init(grammars: [Grammar]) throws {
        var byAlias: [String: CompiledGrammar] = [:]
        for grammar in grammars {
            let compiled: CompiledGrammar
            do {
                compiled = try CompiledGrammar(grammar)
            } catch let error as GrammarError {
                throw LanguageError(language: grammar.name, error: error)
            }
            for alias in grammar.aliases { byAlias[alias.lowercased()] = compiled }
        }
        self.grammars = byAlias
    }

    /// One highlighter holding the languages of `parts`, each already compiled; on a shared alias the later
    /// part wins.
    public init(merging parts: [Highlighter]) {
        grammars = parts.reduce(into: [:]) { merged, part in merged.merge(part.grammars) { _, later in later } }
    }

    /// The name of the language a fence's language word selects (`py` → `Python`), if it is known.
    public func language(_ word: String) -> String? {
        grammars[word.lowercased()]?.name
    }

    /// Every alias, sorted.
    public var aliases: [String] { grammars.keys.sorted() }

    /// `code` as tokens of the language `word` selects; nil when it selects none.
    public func tokens(_ code: String, language word: String) -> [Token]? {
        grammars[word.lowercased()].map { Scanner(grammar: $0).tokens(code) }
    }

    /// The `<pre>` block for `code` in the language `word` selects, with `options` (highlighted lines, line
    /// numbers); nil when the word selects no language.
    public func html(_ code: String, language word: String, options: CodeBlockOptions = CodeBlockOptions()) -> String? {
        guard let grammar = grammars[word.lowercased()] else { return nil }
        return CodeBlockHTML(language: word, name: grammar.name, options: options).html(Scanner(grammar: grammar).runs(code))
    }
}

/// A grammar that cannot be compiled, with the language it belongs to.
public struct LanguageError: Error, Sendable, Hashable {
    public var language: String
    public var error: GrammarError
}
