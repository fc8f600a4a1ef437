import Foundation
import PropertyBased
import SitegenHighlight
import Testing
@testable import SitegenCore

/// The built-in languages (`templates/highlight/*.yaml`): each reads without a problem, highlights its
/// sample exactly as recorded in `Fixtures/highlight/golden/`, and keeps any text intact. Run with
/// `SITEGEN_RECORD=1` to record the goldens after a deliberate change, then review them like code.
@Suite("Highlighting languages")
struct LanguageFilesTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/highlight")
    static let templates = DefaultTheme.files

    static var languageFiles: [String] {
        templates.keys.filter { $0.hasPrefix(LanguageParser.folder) && $0.hasSuffix(".yaml") }.sorted()
    }

    static func highlighter() throws -> Highlighter {
        try SiteHighlighter.load(templates: templates).highlighter
    }

    @Test("every built-in language file reads without a diagnostic")
    func clean() {
        let (highlighter, grammars, diagnostics) = LanguageParser.highlighter(templates: Self.templates)
        #expect(diagnostics.map(\.summary) == [])
        #expect(highlighter != nil)
        #expect(grammars.count == Self.languageFiles.count)
        #expect(grammars.count >= 22)
    }

    @Test("the languages and aliases the issue names are all there")
    func required() throws {
        let highlighter = try Self.highlighter()
        for alias in ["swift", "python", "py", "javascript", "js", "typescript", "ts", "json", "yaml", "yml", "toml", "bash", "sh",
                      "shell", "go", "rust", "c", "cpp", "java", "kotlin", "ruby", "php", "sql", "html", "xml", "css", "dockerfile",
                      "diff", "markdown", "md"] {
            #expect(highlighter.language(alias) != nil, "\(alias)")
        }
    }

    @Test("each language's sample highlights as recorded")
    func golden() throws {
        let highlighter = try Self.highlighter()
        let samples = Self.fixtures.appendingPathComponent("samples"), golden = Self.fixtures.appendingPathComponent("golden")
        let names = try FileManager.default.contentsOfDirectory(atPath: samples.path).sorted()
        #expect(names.count >= 22)
        let record = ProcessInfo.processInfo.environment["SITEGEN_RECORD"] == "1"
        for name in names {
            let stem = String(name.prefix { $0 != "." })
            let code = try String(contentsOf: samples.appendingPathComponent(name), encoding: .utf8)
            let html = try #require(highlighter.html(code, language: Self.alias(of: stem)), "\(name)")
            let expected = golden.appendingPathComponent(stem + ".html")
            if record {
                try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
                try Data(html.utf8).write(to: expected)
                continue
            }
            #expect(html == (try? String(contentsOf: expected, encoding: .utf8)), "\(name) differs from \(expected.lastPathComponent)")
            #expect(HTMLText.text(of: html) == code, "\(name): the text is not preserved")
            #expect(html.contains("class=\"hl-"), "\(name): nothing highlighted")
        }
    }

    /// The first alias of the language file `stem.yaml`.
    static func alias(of stem: String) throws -> String {
        let data = try #require(templates[LanguageParser.folder + stem + ".yaml"], "no language file for the sample \(stem)")
        let (parsed, _) = LanguageParser.parse(path: stem, data: data)
        return try #require(parsed?.grammar.aliases.first)
    }

    @Test("property: every language keeps any text intact and writes balanced markup")
    func preservesText() async throws {
        let highlighter = try Self.highlighter()
        let aliases = try Self.languageFiles.map { try Self.alias(of: String($0.dropFirst(LanguageParser.folder.count).dropLast(5))) }
        let pieces = ["\"", "'", "`", "\"\"\"", "'''", "/*", "*/", "//", "#", "<!--", "-->", "</script>", "<style>", "${", "#{", "\\(",
                      "}", ")", "\\", "\n", "\r\n", "\t", "    ", "é", "😀", "\u{301}", "<", ">", "&", "--", "+", "@@", "r#\"", "x", "123", "0x1F", "e+5"]
        let code = Gen.oneOf(
            Gen.int(in: 0...(pieces.count - 1)).map { pieces[$0] }.array(of: 0...80).map { $0.joined() },
            Gen.unicodeScalar(in: " "..."~").array(of: 0...300).map { String(String.UnicodeScalarView($0)) },
            Gen.int(in: 0...2).map { String(repeating: ["a", "\"", "/*"][$0], count: 5_000) }  // one very long line
        )
        await propertyCheck(count: 40, input: Gen.int(in: 0...(aliases.count - 1)).map { aliases[$0] }, code) { alias, code in
            let tokens = highlighter.tokens(code, language: alias) ?? []
            #expect(tokens.map(\.text).joined() == code, "\(alias)")
            let html = highlighter.html(code, language: alias, options: CodeBlockOptions(highlighted: [2], numbered: true)) ?? ""
            #expect(HTMLText.text(of: html) == code, "\(alias)")
            #expect(HTMLText.isBalanced(html), "\(alias)")
        }
    }

    @Test("words are escaped as NSRegularExpression escapes them")
    func escaping() {
        let text = String(String.UnicodeScalarView((32...126).map { Unicode.Scalar(UInt8($0)) })) + "é😀"
        #expect(LanguageReader.trie([text]) == NSRegularExpression.escapedPattern(for: text))
    }
}

/// The text of highlighter HTML, and whether its tags nest properly.
enum HTMLText {
    /// Tags removed, the four entities decoded, without the newline that follows `</pre>`. By scalars: a
    /// combining mark right after a tag's `>` would join it into one Character.
    static func text(of html: String) -> String {
        let entities: [String: Unicode.Scalar] = ["lt": "<", "gt": ">", "quot": "\"", "amp": "&"]
        var text = String.UnicodeScalarView(), inTag = false, entity: String?
        for scalar in html.unicodeScalars.dropLast(html.hasSuffix("</pre>\n") ? 1 : 0) {
            if inTag {
                inTag = scalar != ">"
            } else if scalar == "<" {
                inTag = true
            } else if let name = entity {
                if scalar == ";" {
                    text.append(entities[name] ?? "?")
                    entity = nil
                } else {
                    entity = name + String(scalar)
                }
            } else if scalar == "&" {
                entity = ""
            } else {
                text.append(scalar)
            }
        }
        return String(text)
    }

    static func isBalanced(_ html: String) -> Bool {
        var stack: [String] = [], tag: String.UnicodeScalarView?
        for scalar in html.unicodeScalars {
            if scalar == "<" {
                if tag != nil { return false }
                tag = String.UnicodeScalarView()
            } else if scalar == ">" {
                guard let open = tag else { return false }
                let name = String(String(open).prefix { $0 != " " })
                if name.hasPrefix("/") {
                    guard stack.popLast() == String(name.dropFirst()) else { return false }
                } else {
                    stack.append(name)
                }
                tag = nil
            } else {
                tag?.append(scalar)
            }
        }
        return stack.isEmpty && tag == nil
    }
}
