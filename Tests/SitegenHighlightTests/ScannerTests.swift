import PropertyBased
import Testing
@testable import SitegenHighlight

@Suite("Highlighter engine")
struct ScannerTests {
    /// A small C-like language with every feature of the format.
    static let grammar = Grammar(
        name: "Mini", aliases: ["mini", "mn"],
        states: [
            "root": [
                .init(pattern: "//[^\\n]*", token: "comment"),
                .init(pattern: "/\\*", token: "comment", action: .push("block")),
                .init(pattern: "\"", token: "string", action: .push("string")),
                .init(pattern: "(fn)(\\s+)([a-z]+)", token: nil, groups: ["keyword", nil, "function"]),
                .init(pattern: "\\b(?:let|if)\\b", token: "keyword"),
                .init(pattern: "[0-9]+", token: "number"),
                .init(pattern: "(?=@)", token: nil, action: .push("at")),  // an empty match that enters a state
                .init(pattern: "\\b", token: "keyword"),  // an empty match that does nothing
            ],
            "block": [
                .init(pattern: "\\*/", token: "comment", action: .pop),
                .init(pattern: "/\\*", token: "comment", action: .push("block")),
            ],
            "string": [
                .init(pattern: "\\\\.", token: "escape"),
                .init(pattern: "\"|$", token: "string", action: .pop),
            ],
            "at": [.init(pattern: "@[a-z]*", token: "attribute", action: .pop)],
        ],
        defaults: ["block": "comment", "string": "string"])

    static func scan(_ code: String) throws -> [Token] {
        try #require(try Highlighter(grammars: [grammar]).tokens(code, language: "MN"))
    }

    @Test("rules, groups, states, defaults and empty matches")
    func tokens() throws {
        let tokens = try Self.scan("fn main /* a /* b */ c */ let x = \"q\\\"z\" + 42 @inline y")
        #expect(tokens == [
            Token(text: "fn", kind: "keyword"), Token(text: " ", kind: nil), Token(text: "main", kind: "function"),
            Token(text: " ", kind: nil), Token(text: "/* a /* b */ c */", kind: "comment"), Token(text: " ", kind: nil),
            Token(text: "let", kind: "keyword"), Token(text: " x = ", kind: nil), Token(text: "\"q", kind: "string"),
            Token(text: "\\\"", kind: "escape"), Token(text: "z\"", kind: "string"), Token(text: " + ", kind: nil),
            Token(text: "42", kind: "number"), Token(text: " ", kind: nil), Token(text: "@inline", kind: "attribute"),
            Token(text: " y", kind: nil),
        ])
    }

    @Test("unterminated strings end at the line end; unterminated comments run to the end")
    func unterminated() throws {
        #expect(try Self.scan("\"open\nlet") == [Token(text: "\"open", kind: "string"), Token(text: "\n", kind: nil), Token(text: "let", kind: "keyword")])
        #expect(try Self.scan("/* never closed\nlet") == [Token(text: "/* never closed\nlet", kind: "comment")])
    }

    @Test("a line over the length limit is not scanned: it takes its state's class, and the state carries on")
    func longLine() throws {
        let long = String(repeating: "let ", count: 300)
        #expect(try Self.scan("/* open\n\(long)\n*/ let") == [
            Token(text: "/* open\n\(long)\n*/", kind: "comment"), Token(text: " ", kind: nil), Token(text: "let", kind: "keyword"),
        ])
        #expect(try Self.scan(long + "\nlet") == [Token(text: long + "\n", kind: nil), Token(text: "let", kind: "keyword")])
    }

    @Test("unknown languages give nil; aliases ignore case")
    func languages() throws {
        let highlighter = try Highlighter(grammars: [Self.grammar])
        #expect(highlighter.tokens("x", language: "nope") == nil)
        #expect(highlighter.html("x", language: "nope") == nil)
        #expect(highlighter.language("MINI") == "Mini")
        #expect(highlighter.aliases == ["mini", "mn"])
    }

    @Test("grammar errors name the state and rule")
    func errors() {
        var broken = Self.grammar
        broken.states["block"]![1].pattern = "(unclosed"
        #expect(throws: LanguageError(language: "Mini", error: GrammarError(state: "block", rule: 1, message: "the pattern is not a valid regular expression"))) {
            try Highlighter(grammars: [broken])
        }
        broken = Self.grammar
        broken.states["root"]![0].action = .push("nowhere")
        #expect(throws: LanguageError(language: "Mini", error: GrammarError(state: "root", rule: 0, message: "'push' names no state 'nowhere'"))) {
            try Highlighter(grammars: [broken])
        }
        broken = Self.grammar
        broken.states["root"] = nil
        #expect(throws: LanguageError(language: "Mini", error: GrammarError(state: nil, rule: nil, message: "there is no 'root' state"))) {
            try Highlighter(grammars: [broken])
        }
    }

    @Test("HTML: spans with hl- classes, escaped text, line spans for marked and numbered blocks")
    func html() throws {
        let highlighter = try Highlighter(grammars: [Self.grammar])
        #expect(highlighter.html("let a = \"<&>\"\n", language: "mini") == """
            <pre class="highlight" tabindex="0"><code class="language-mini" data-lang="Mini"><span class="hl-keyword">let</span> a = \
            <span class="hl-string">&quot;&lt;&amp;&gt;&quot;</span>
            </code></pre>

            """)
        let options = CodeBlockOptions(highlighted: [2], numbered: true)
        #expect(highlighter.html("/* a\nb */\n\nlet\n", language: "mini", options: options) == """
            <pre class="highlight numbered" tabindex="0"><code class="language-mini" data-lang="Mini"><span class="line">\
            <span class="hl-comment">/* a</span></span>
            <span class="line hl"><span class="hl-comment">b */</span></span>
            <span class="line"></span>
            <span class="line"><span class="hl-keyword">let</span></span>
            </code></pre>

            """)
        // A line ends at its `\n`, also after a `\r` (which stays with the line, as text).
        #expect(highlighter.html("let\r\nx\r\n", language: "mini", options: CodeBlockOptions(highlighted: [], numbered: true)) == """
            <pre class="highlight numbered" tabindex="0"><code class="language-mini" data-lang="Mini"><span class="line">\
            <span class="hl-keyword">let</span>\r</span>
            <span class="line">x\r</span>
            </code></pre>

            """)
    }

    @Test("rules without group classes lose their capturing groups, and nothing else")
    func withoutCaptures() {
        #expect(CompiledGrammar.withoutCaptures("(a|b)c") == "(?:a|b)c")
        #expect(CompiledGrammar.withoutCaptures(#"\(x\)(y)"#) == #"\(x\)(?:y)"#)
        #expect(CompiledGrammar.withoutCaptures("[(][a[(]]((?=x))") == "[(][a[(]](?:(?=x))")
        #expect(CompiledGrammar.withoutCaptures("(?:a)(?<n>b)") == "(?:a)(?<n>b)")
    }

    @Test("info strings: language, lines and numbers; problems for the rest")
    func info() {
        let parsed = CodeBlockOptions.parse(info: "swift {lines=3-5, 8 numbers}")
        #expect(parsed.language == "swift")
        #expect(parsed.options == CodeBlockOptions(highlighted: [3, 4, 5, 8], numbered: true))
        #expect(parsed.problems.isEmpty)
        #expect(CodeBlockOptions.parse(info: "py").options == CodeBlockOptions())
        #expect(CodeBlockOptions.parse(info: "py{linenos}").options.numbered)
        #expect(CodeBlockOptions.parse(info: "py {lines=5-3, wrap}").problems == [
            "'5-3' is not a list of lines such as 3-5,8", "unknown code block setting 'wrap' (known: lines=3-5, numbers)",
        ])
        #expect(CodeBlockOptions.parse(info: "py {lines=1").problems == ["the settings after the language have no closing '}'"])
    }

    static let pieces = ["\"", "/*", "*/", "\\", "@", "fn ", "\n", "//", "é", "😀", "\u{301}"]

    @Test("property: the tokens join to the input, whatever it is")
    func preservesText() async throws {
        let highlighter = try Highlighter(grammars: [Self.grammar])
        let alphabet = Gen.oneOf(Gen.unicodeScalar(in: " "..."~"), Gen.unicodeScalar(in: "\u{80}"..."\u{D7FF}"), Gen.unicodeScalar(in: "\u{E000}"..."\u{10FFFF}"))
        await propertyCheck(input: Gen.oneOf(
            alphabet.array(of: 0...200).map { String(String.UnicodeScalarView($0)) },
            Gen.int(in: 0...(Self.pieces.count - 1)).map { Self.pieces[$0] }.array(of: 0...60).map { $0.joined() }
        )) { code in
            let tokens = highlighter.tokens(code, language: "mini") ?? []
            #expect(tokens.map(\.text).joined() == code)
            #expect(!tokens.contains { $0.text.isEmpty })
        }
    }
}
