import Foundation
import PropertyBased
import Testing
@testable import SitegenCore

@Suite("Highlighting in the build")
struct HighlightBuildTests {
    static let mini = """
        name: Mini
        aliases: [mini]
        states:
          root:
            - {words: [let], token: keyword}
            - {match: '"[^"]*"', token: string}

        """

    static func site(_ body: String, config: String = "title: T\\n") -> [String: String] {
        var files = TestSite.minimalTemplates
        files["templates/highlight/mini.yaml"] = mini
        files["sitegen.yaml"] = config
        files["content/a.md"] = TestSite.article("A", body: body)
        return files
    }

    @Test("a fence with a known language is highlighted; settings mark and number lines")
    func highlighted() async throws {
        let site = try await TestSite.build(Self.site("```mini {lines=2}\nlet x\n\"s\"\n```\n"))
        #expect(site["a/index.html"] == """
            <h1>A</h1><pre class="highlight" tabindex="0"><code class="language-mini" data-lang="Mini"><span class="line">\
            <span class="hl-keyword">let</span> x</span>
            <span class="line hl"><span class="hl-string">&quot;s&quot;</span></span>
            </code></pre>

            """)
    }

    @Test("an unknown language, and highlighting switched off, give cmark-gfm's plain block")
    func plain() async throws {
        let unknown = try await TestSite.build(Self.site("```nope\nlet x\n```\n"))
        #expect(unknown["a/index.html"] == "<h1>A</h1><pre tabindex=\"0\"><code class=\"language-nope\">let x\n</code></pre>\n")
        let off = try await TestSite.build(Self.site("```mini\nlet x\n```\n", config: "title: T\nmarkdown: {highlight: false}\n"))
        #expect(off["a/index.html"] == "<h1>A</h1><pre tabindex=\"0\"><code class=\"language-mini\">let x\n</code></pre>\n")
    }

    @Test("a setting it does not understand is a warning at the fence")
    func settingWarning() async throws {
        let site = try await TestSite.build(Self.site("Intro.\n\n```mini {wrap}\nlet x\n```\n"))
        #expect(site.output.diagnostics.map(\.summary) == [
            "content/a.md:7:1: warning: unknown code block setting 'wrap' (known: lines=3-5, numbers)",
        ])
    }

    @Test("broken language files: every problem at its line and column")
    func brokenLanguage() async {
        var files = Self.site("Text.")
        files["templates/highlight/bad.yaml"] = """
            name: Bad
            aliases: [bad, mini]
            extra: 1
            states:
              root:
                - {match: '(open', token: keyword}
                - {words: ['x', true], token: keywrd}
                - {token: comment}
                - {match: 'a', push: nowhere}

            """
        files["templates/highlight/worse.yaml"] = "name: Worse\naliases: [worse]\nstates:\n  start: []\n"
        let diagnostics = await TestSite.failure(files)
        #expect(diagnostics.map(\.summary) == [
            "templates/highlight/bad.yaml:3:1: error: unknown key 'extra'",
            "templates/highlight/bad.yaml:7:21: error: 'words' must be a list of text values or a single text value; this item is the boolean true",
            "templates/highlight/bad.yaml:7:35: error: unknown class 'keywrd'; did you mean 'keyword'?",
            "templates/highlight/bad.yaml:8:7: error: a rule needs 'match' (a regular expression) or 'words' (a list of words)",
            "templates/highlight/worse.yaml:3:1: error: 'states' needs a 'root' state, where scanning starts",
        ])
        files["templates/highlight/bad.yaml"] = "name: Bad\naliases: [bad, mini]\nstates:\n  root:\n    - {match: 'ok'}\n    - {match: '(open', token: keyword}\n"
        files["templates/highlight/worse.yaml"] = nil
        #expect(await TestSite.failure(files).map(\.summary) == [
            "templates/highlight/bad.yaml:6:7: error: the pattern is not a valid regular expression",
        ])
        files["templates/highlight/bad.yaml"] = "name: Bad\naliases: [bad, mini]\nstates:\n  root:\n    - {match: 'a', push: nowhere}\n"
        #expect(await TestSite.failure(files).map(\.summary) == [
            "templates/highlight/bad.yaml:5:7: error: 'push' names no state 'nowhere'",
        ])
        files["templates/highlight/bad.yaml"] = "name: Bad\naliases: [bad]\nstates:\n  root:\n    - {words: ['', x], token: keyword}\n    - {words: [''], token: keyword}\n    - {words: [], token: keyword}\n"
        #expect(await TestSite.failure(files).map(\.summary) == [
            "templates/highlight/bad.yaml:5:16: error: a word in 'words' cannot be empty",
            "templates/highlight/bad.yaml:6:16: error: a word in 'words' cannot be empty",
            "templates/highlight/bad.yaml:7:15: error: 'words' must list at least one word",
        ])
        files["templates/highlight/bad.yaml"] = "name: Bad\naliases: [bad, mini]\nstates:\n  root: []\n"
        let conflict = await TestSite.failure(files)
        #expect(conflict.map(\.summary) == [
            "templates/highlight/mini.yaml:2:11: error: alias 'mini' is already taken by templates/highlight/bad.yaml",
        ])
    }

    @Test("property: a words list's factored pattern matches exactly its words")
    func wordsTrie() async throws {
        let letters = Gen.int(in: 0...3).map { ["a", "b", "ab", "_"][$0] }
        let word = letters.array(of: 1...4).map { $0.joined() }
        await propertyCheck(input: word.array(of: 1...12), word.array(of: 1...8)) { words, probes in
            let sorted = Set(words).sorted()
            let pattern = "^(?:" + LanguageReader.trie(sorted) + ")$"
            guard let regex = try? NSRegularExpression(pattern: pattern) else {
                Issue.record("\(pattern) does not compile")
                return
            }
            for candidate in sorted + probes {
                let matched = regex.firstMatch(in: candidate, range: NSRange(location: 0, length: candidate.utf16.count)) != nil
                #expect(matched == sorted.contains(candidate), "\(candidate) against \(pattern)")
            }
        }
    }
}
