import PropertyBased
import Testing
@testable import SitegenHighlight

@Suite("The engine finds what one joined alternation per state would find")
struct ScannerEquivalenceTests {
    /// Rules that overlap at one position, empty matches that do and do not act, lookbehind and anchors.
    static let tricky = Grammar(
        name: "Tricky", aliases: ["tricky"],
        states: [
            "root": [
                .init(pattern: "i[a-z]*", token: "variable"),
                .init(pattern: "if", token: "keyword"),
                .init(pattern: "b", token: "keyword"),
                .init(pattern: "a+b", token: "string"),
                .init(pattern: "(?!y)(?=[😀é])", token: nil),  // empty, does nothing: hides later rules there
                .init(pattern: "[😀é]+", token: "emphasis"),
                .init(pattern: "(?<=x)y", token: "number"),
                .init(pattern: "^#[^\\n]*", token: "comment"),
                .init(pattern: "(?=@)", token: nil, action: .push("at")),
                .init(pattern: "\\$$", token: "operator"),
                .init(pattern: "", token: nil),
            ],
            "at": [
                .init(pattern: "(?=@)", token: nil, action: .push("at")),
                .init(pattern: "@@", token: "attribute", action: .pop),
            ],
        ],
        defaults: ["at": "meta"])

    static let caseless = Grammar(
        name: "Caseless", aliases: ["caseless"],
        states: ["root": [
            .init(pattern: "\\b(?:select|from)\\b", token: "keyword"),
            .init(pattern: "[a-z]+", token: "variable"),
            .init(pattern: "'", token: "string", action: .push("string")),
        ], "string": [.init(pattern: "'|$", token: "string", action: .pop)]],
        defaults: ["string": "string"], caseInsensitive: true)

    static func both(_ grammar: Grammar, _ code: String) throws -> (engine: [Token], reference: [Token]) {
        let engine = try #require(try Highlighter(grammars: [grammar]).tokens(code, language: grammar.aliases[0]))
        return (engine, try ReferenceScanner(grammar).tokens(code))
    }

    @Test("at one position the first rule in order wins; the leftmost position wins over rule order")
    func order() throws {
        let (engine, reference) = try Self.both(Self.tricky, "if aab")
        #expect(engine == [Token(text: "if", kind: "variable"), Token(text: " ", kind: nil), Token(text: "aab", kind: "string")])
        #expect(engine == reference)
    }

    @Test("empty matches: one that does nothing hides later rules at its place; five in a row move on")
    func emptyMatches() throws {
        let (hidden, hiddenReference) = try Self.both(Self.tricky, "é😀 xy z$")
        #expect(hidden == hiddenReference)
        #expect(hidden.contains(Token(text: "y", kind: "number")))
        #expect(!hidden.contains { $0.kind == "emphasis" && $0.text.hasPrefix("é") })
        let (loop, loopReference) = try Self.both(Self.tricky, "@x @@\n@@@")
        #expect(loop == loopReference)
    }

    @Test("case-insensitive grammars, letters beyond ASCII that fold to ASCII")
    func caseInsensitive() throws {
        let (engine, reference) = try Self.both(Self.caseless, "SELECT Name FROM t ſelect 'x\nKelvin K")
        #expect(engine == reference)
        #expect(engine.first == Token(text: "SELECT", kind: "keyword"))
    }

    @Test("lines of 1,000 UTF-16 units (with the newline) are scanned, longer ones are not; a surrogate pair counts two")
    func lineLimit() throws {
        let lines = [(String(repeating: "if ", count: 333), true), (String(repeating: "if ", count: 333) + "b", false),
                     (String(repeating: "😀", count: 499) + "b", true), (String(repeating: "😀", count: 500), false)]
        for (line, scanned) in lines {
            let (engine, reference) = try Self.both(Self.tricky, line + "\nif")
            #expect(engine == reference)
            #expect((engine.first == Token(text: line + "\n", kind: nil)) == !scanned)
        }
    }

    @Test("a back-reference counts the rule's own groups, with or without group classes")
    func backReference() throws {
        let grammar = Grammar(name: "Quotes", aliases: ["quotes"], states: ["root": [
            .init(pattern: "x", token: "keyword"),
            .init(pattern: "(['\"])[a-z]*\\1", token: "string"),
            .init(pattern: "(<)[a-z]*(\\1)", token: "tag", groups: ["punctuation", "punctuation"]),
        ]])
        #expect(try Highlighter(grammars: [grammar]).tokens("'ab' \"c' <d<", language: "quotes") == [
            Token(text: "'ab'", kind: "string"), Token(text: " \"c' ", kind: nil), Token(text: "<", kind: "punctuation"),
            Token(text: "d", kind: "tag"), Token(text: "<", kind: "punctuation"),
        ])
    }

    static let pieces = ["if", "i", "a", "b", "x", "y", "@", "@@", "#", "$", " ", "\n", "é", "😀", "\u{301}", "'", "select", "SELECT", "ſ", "K"]

    @Test("property: the same tokens as the joined alternation, whatever the text")
    func property() async throws {
        let highlighter = try Highlighter(grammars: [Self.tricky, Self.caseless, ScannerTests.grammar])
        let references = try [Self.tricky, Self.caseless, ScannerTests.grammar].map { ($0.aliases[0], try ReferenceScanner($0)) }
        let alphabet = Gen.oneOf(Gen.unicodeScalar(in: " "..."~"), Gen.unicodeScalar(in: "\u{80}"..."\u{2FF}"), Gen.unicodeScalar(in: "\u{1F600}"..."\u{1F610}"))
        await propertyCheck(input: Gen.oneOf(
            alphabet.array(of: 0...120).map { String(String.UnicodeScalarView($0)) },
            Gen.int(in: 0...(Self.pieces.count - 1)).map { Self.pieces[$0] }.array(of: 0...60).map { $0.joined() }
        )) { code in
            for (alias, reference) in references {
                #expect(highlighter.tokens(code, language: alias) == reference.tokens(code), "\(alias): \(code.debugDescription)")
            }
        }
    }
}
