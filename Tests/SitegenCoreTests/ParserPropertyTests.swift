import PropertyBased
import Testing
@testable import SitegenCore

@Suite("Parser properties")
struct ParserPropertyTests {
    /// Lines that stress the splitter: fences, near-fences, YAML and Markdown.
    static let lines = ["---", "...", "--- ", "----", "title: x", "a: [1, 2]", "", "  - item", "# Heading", "text", "\t---", "-- -"]

    @Test("split(join(yaml, body)) gives back the YAML and the body, whatever the body holds")
    func splitJoinRoundTrip() async {
        await propertyCheck(input: Gen.int(in: 0..<Self.lines.count).array(of: 0...8), Gen.int(in: 0..<Self.lines.count).array(of: 0...8)) { yamlPicks, bodyPicks in
            let yamlLines = yamlPicks.map { Self.lines[$0] }.filter { !["---", "...", "--- "].contains($0) }
            let yaml = yamlLines.map { $0 + "\n" }.joined()
            let body = bodyPicks.map { Self.lines[$0] }.joined(separator: "\n")
            let file = FrontMatterSplitter.join(yaml: yaml, body: body)
            guard case .success(let parts) = FrontMatterSplitter.split(file) else {
                Issue.record("did not split: \(file.debugDescription)")
                return
            }
            #expect(parts.yaml == yaml)
            #expect(parts.body == body)
            #expect(parts.bodyFirstLine == yamlLines.count + 3)
        }
    }

    /// The splitter reads bytes; this reads Characters, as the rule is written: blank text is empty, the first
    /// line must be a fence, and the next `---` or `...` line (trailing spaces and tabs aside) closes it.
    private static func referenceSplit(_ text: String) -> Result<FrontMatterSplitter.Parts, FrontMatterSplitter.Failure> {
        if text.allSatisfy(\.isWhitespace) { return .failure(.empty) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        func isFence(_ line: Substring, closing: Bool) -> Bool {
            var trimmed = line
            while trimmed.last == " " || trimmed.last == "\t" { trimmed.removeLast() }
            return trimmed == "---" || (closing && trimmed == "...")
        }
        guard let first = lines.popFirst(), isFence(first, closing: false) else { return .failure(.missingOpeningFence) }
        var yaml: [Substring] = []
        while let line = lines.popFirst() {
            if isFence(line, closing: true) {
                let yamlText = yaml.map { $0 + "\n" }.joined()
                return .success(.init(yaml: yamlText, yamlFirstLine: 2, body: lines.joined(separator: "\n"), bodyFirstLine: yaml.count + 3))
            }
            yaml.append(line)
        }
        return .failure(.unclosed)
    }

    @Test("the byte-wise splitter agrees with a Character-wise reading, on blank and broken files too")
    func splitAgreesWithReference() async {
        let lines = ["---", "...", "--- ", "---\t", "...\t ", "-- -", "a: é", "", " ", "\t", "\u{2028}", "\u{A0}", "x", "\u{301}", "---\u{301}"]
        let files = zip(Gen.int(in: 0..<lines.count).array(of: 0...8), Gen.bool).map { picks, newline in
            picks.map { lines[$0] }.joined(separator: "\n") + (newline ? "\n" : "")
        }
        await propertyCheck(input: files) { file in
            #expect(FrontMatterSplitter.split(file) == Self.referenceSplit(file), "\(file.debugDescription)")
        }
    }

    @Test("slug(slug(x)) == slug(x), and slugs hold only lower-case letters, digits and single inner hyphens")
    func slugIdempotent() async {
        await propertyCheck(input: Gen.unicodeScalar(in: " "..."\u{30FF}").array(of: 0...20)) { scalars in
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            let slug = Slug.make(text)
            #expect(Slug.make(slug) == slug)
            #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"))
            // Scalars, not Characters: a spacing mark that is a letter (Thai SARA AM, U+0E33) joins a
            // preceding hyphen into one Character.
            #expect(slug.unicodeScalars.allSatisfy { scalar in
                scalar == "-" || ((scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
                                  && scalar.properties.lowercaseMapping == String(scalar))
            })
        }
    }

    @Test("property: ASCII slugs made on bytes equal those made through Unicode's properties")
    func asciiSlugs() async {
        await propertyCheck(input: Gen.unicodeScalar(in: "\u{0}"..."\u{7F}").array(of: 0...24)) { scalars in
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            #expect(Slug.makeASCII(text) == Slug.makeUnicode(text))
        }
        #expect(Slug.makeASCII("café") == nil)
    }

    @Test("slug examples")
    func slugExamples() {
        #expect(Slug.make("Open Source") == "open-source")
        #expect(Slug.make("  AI / ML  ") == "ai-ml")
        #expect(Slug.make("Café Crème") == "cafe-creme")
        #expect(Slug.make("C++") == "c")
        #expect(Slug.make("2026: Year in Review!") == "2026-year-in-review")
        #expect(Slug.make("!!!") == "")
    }

    @Test("dates: parsing and every format")
    func dates() throws {
        let day = try #require(PublishDate.parse("2026-03-16"))
        #expect(day.iso == "2026-03-16")
        #expect(day.rfc3339 == "2026-03-16T00:00:00Z")
        #expect(day.rfc822 == "Mon, 16 Mar 2026 00:00:00 +0000")
        #expect(day.display == "March 16, 2026")
        let timed = try #require(PublishDate.parse("2026-02-03T09:30:00+01:00"))
        #expect(timed.iso == "2026-02-03T09:30:00+01:00")
        #expect(timed.rfc822 == "Tue, 03 Feb 2026 09:30:00 +0100")
        #expect(timed.epochSeconds == 1_770_107_400)
        #expect(PublishDate.parse("2026-02-03T09:30Z")?.epochSeconds == 1_770_111_000)
        #expect(PublishDate.parse("2024-02-29") != nil)
        for bad in ["2025-02-29", "2026-13-01", "26-01-01", "2026-01-01T25:00", "2026-01-01T10:00+1", "yesterday", ""] {
            #expect(PublishDate.parse(bad) == nil, "\(bad)")
        }
    }

    @Test("property: the timestamps written as bytes are the ones written by padding decimal Strings")
    func timestampsAsBytes() async {
        func pad(_ value: Int, _ width: Int = 2) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        let date = zip(Gen.int(in: -120...12_000), Gen.int(in: 1...12), Gen.int(in: 1...31), Gen.int(in: 0...86_399), Gen.int(in: -18...18), Gen.bool)
        await propertyCheck(input: date) { year, month, day, time, quarterHours, hasTime in
            let offset = hasTime ? quarterHours * 900 : 0
            let value = PublishDate(year: year, month: month, day: day, hour: time / 3_600, minute: time % 3_600 / 60, second: time % 60,
                                    offsetSeconds: offset, hasTime: hasTime)
            let zone = offset == 0 ? "Z" : (offset < 0 ? "-" : "+") + pad(abs(offset) / 3_600) + ":" + pad(abs(offset) % 3_600 / 60)
            let date = "\(pad(year, 4))-\(pad(month))-\(pad(day))"
            let stamp = "\(date)T\(pad(value.hour)):\(pad(value.minute)):\(pad(value.second))\(zone)"
            #expect(value.rfc3339 == stamp)
            #expect(value.iso == (hasTime ? stamp : date))
        }
    }

    @Test("property: a link's scheme read on the bytes is the one read by Characters")
    func schemeOnBytes() async {
        let pieces = ["a", "Z", "h", "0", "9", "+", "-", ".", ":", "/", "#", "_", " ", "é", "\u{301}", "٣", "\r\n", "\u{1F600}", "ß", "https", "mailto"]
        await propertyCheck(count: 3000, input: Gen.int(in: 0..<pieces.count).array(of: 0...8)) { picks in
            let text = picks.map { pieces[$0] }.joined()
            #expect(LinkResolver.hasScheme(text) == LinkResolver.unicodeHasScheme(text), "\(text.debugDescription)")
        }
        #expect(LinkResolver.hasScheme("https://example.com") && LinkResolver.hasScheme("mailto:a@b") && LinkResolver.hasScheme("a+b-c.d:"))
        #expect(!LinkResolver.hasScheme("/posts/a:b") && !LinkResolver.hasScheme("../x.md") && !LinkResolver.hasScheme("1a:") && !LinkResolver.hasScheme("a_b:"))
        #expect(!LinkResolver.hasScheme("a:\u{301}"), "a colon with a combining mark is not a colon")
    }

    @Test("any random text as an article never crashes the build and always yields a result or diagnostics")
    func randomArticles() async {
        await propertyCheck(input: Gen.int(in: 0..<Self.lines.count).array(of: 0...12)) { picks in
            let text = picks.map { Self.lines[$0] }.joined(separator: "\n")
            var files = TestSite.minimalTemplates
            files["content/a.md"] = text
            do {
                _ = try await SiteBuilder(options: TestSite.options()).build(SourceTree(files: files))
            } catch let failure as BuildFailure {
                #expect(failure.diagnostics.allSatisfy { $0.file == "content/a.md" && $0.line != nil })
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }
}
