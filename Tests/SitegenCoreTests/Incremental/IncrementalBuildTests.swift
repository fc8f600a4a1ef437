import Foundation
import PropertyBased
import Testing
@testable import SitegenCore

/// `IncrementalBuilder` must give exactly what a clean build of the same files gives, whatever was
/// built before: same paths, same bytes, same manifest, same diagnostics.
@Suite("Incremental rebuilds")
struct IncrementalBuildTests {
    static let tags = ["ai", "data", "swift", "web", "ops"]
    static let categories = ["notes", "guides"]

    static func article(_ number: Int, seed: Int) -> String {
        // "Data" beside "data" and an image without `image_alt` give warnings, which must follow edits too.
        let tags = ([tags[seed % 5], tags[(seed / 5) % 5]] + (seed % 2 == 0 ? ["Data"] : [])).map { "\"\($0)\"" }.joined(separator: ", ")
        let image = seed % 4 == 1 ? "\nimage: /x.txt" : ""
        let day = 1 + (seed * 7 + number) % 27
        let draft = seed % 11 == 10 ? "\ndraft: true" : ""
        let link = number > 0 ? "See [the first](a0.md#part-one)." : "The first."
        return "---\ntitle: \"Article \(number) v\(seed)\"\ndate: 2026-0\(1 + seed % 5)-\(day < 10 ? "0" : "")\(day)\n"
            + "description: \"About \(number).\"\ncategory: \(categories[seed % 2])\ntags: [\(tags)]\(draft)\(image)\n---\n"
            + "## Part one\n\n\(link) Seed \(seed).\n\n```comparison hosting\n```\n"
    }

    static let base: [String: String] = {
        var files = TestSite.themeTemplates
        files["sitegen.yaml"] = "title: Incremental\nbase_url: https://example.org/\npage_size: 2\nfeed_length: 3\nrelated_count: 2\n"
        files["content/data/comparisons/hosting.yaml"] = DataFixtures.comparison
        for number in 0..<5 { files["content/a\(number).md"] = article(number, seed: number) }
        files["public/x.txt"] = "x"
        return files
    }()

    /// One edit of the site, chosen by `op` and `value`.
    static func apply(_ op: Int, _ value: Int, to files: inout [String: String]) {
        let articles = files.keys.filter { $0.hasPrefix("content/a") }.sorted()
        let target = articles.isEmpty ? "content/a0.md" : articles[value % articles.count]
        let number = Int(target.dropFirst("content/a".count).dropLast(3)) ?? 0
        switch op {
        case 0: files["content/a\(5 + value % 4).md"] = article(5 + value % 4, seed: value)  // add or replace
        case 1: files[target] = article(number, seed: value)  // title, date, tags, category, draft change together
        case 2: files[target] = files[target].map { $0 + "\nMore text \(value).\n" }  // body only
        case 3 where articles.count > 1: files[target] = nil  // delete (a0 is the target of every link)
        case 4:  // rename
            let text = files.removeValue(forKey: target)
            files["content/a\(10 + value % 5).md"] = text
        case 5: files["templates/partials/footer.mustache", default: ""] += "<!-- \(value) -->"
        case 6: files["sitegen.yaml"] = "title: Incremental \(value % 3)\nbase_url: https://example.org/\npage_size: \(2 + value % 2)\nfeed_length: 3\n"
        case 7: files["public/p\(value % 3).txt"] = "static \(value)"
        case 9: files["content/data/comparisons/hosting.yaml"] = DataFixtures.comparison.replacingOccurrences(of: "title: Hosting", with: "title: Hosting \(value % 4)")
        case 10: files["content/a0.md"] = article(0, seed: value)  // bring the link target back
        case 8: files["content/a\(number == 0 ? 1 : number).md"] = "---\ntitle: broken\n---\n"  // an error, then later fixed
        case 11: files[target] = files[target].map { $0.replacingOccurrences(of: "title: \"Article", with: "title: \"Retitled \(value)") }
        case 12:  // description, and enough words to change the reading time
            let words = String(repeating: "word ", count: 150 * (1 + value % 3))
            files[target] = files[target].map { $0.replacingOccurrences(of: "description: \"About", with: "description: \"On \(value):") + "\n### More\n\n\(words)\n" }
        default: files[target] = files[target].map { $0.replacingOccurrences(of: "Seed", with: "seed") }
        }
    }

    static func snapshot(_ result: Result<BuildOutput, BuildFailure>) -> String {
        switch result {
        case .failure(let failure): return "failed: " + failure.diagnostics.map(\.summary).joined(separator: "\n")
        case .success(let output):
            let files = output.files.sorted { $0.path < $1.path }.map { file -> String in
                guard case .bytes(let data) = file.contents else { return file.path }
                return file.path + "\n" + String(decoding: data, as: UTF8.self)
            }
            let manifest = output.manifest.entries.map { "\($0.path) \($0.sha256 ?? "") \($0.sources)" }
            return files.joined(separator: "\n--\n") + manifest.joined(separator: "\n") + output.diagnostics.map(\.summary).joined()
        }
    }

    static func build(_ files: [String: String], changed: Set<String>? = nil, with builder: inout IncrementalBuilder) async -> Result<BuildOutput, BuildFailure> {
        do { return .success(try await builder.build(SourceTree(files: files), changed: changed)) } catch let failure as BuildFailure { return .failure(failure) } catch { return .failure(BuildFailure(diagnostics: [])) }
    }

    static func clean(_ files: [String: String]) async -> Result<BuildOutput, BuildFailure> {
        do { return .success(try await SiteBuilder(options: TestSite.options()).build(SourceTree(files: files))) } catch let failure as BuildFailure { return .failure(failure) } catch { return .failure(BuildFailure(diagnostics: [])) }
    }

    @Test("property: after every edit of a random sequence, the incremental build equals a clean build")
    func equalsCleanBuild() async {
        let edits = Gen.int(in: 0...13).array(of: 1...6)
        await propertyCheck(count: 40, input: edits, Gen.int(in: 0...1000).array(of: 6)) { ops, values in
            var files = Self.base
            var builder = IncrementalBuilder(options: TestSite.options())
            _ = await Self.build(files, with: &builder)
            for (op, value) in zip(ops, values) {
                let before = files
                Self.apply(op, value, to: &files)
                let changed = Set(before.keys).union(files.keys).filter { before[$0] != files[$0] }
                let incremental = Self.snapshot(await Self.build(files, changed: changed, with: &builder))
                let clean = Self.snapshot(await Self.clean(files))
                #expect(incremental == clean, "after ops \(ops.prefix(through: ops.firstIndex(of: op) ?? 0)) values \(values)")
                if incremental != clean { return }
            }
        }
    }

    @Test("an unchanged rebuild renders nothing again, and one body edit renders only what shows it")
    func reuse() async throws {
        var builder = IncrementalBuilder(options: TestSite.options())
        var files = Self.base
        let first = try await builder.build(SourceTree(files: files))
        let again = try await builder.build(SourceTree(files: files))
        #expect(!builder.usedContentEdit)
        #expect(first.files == again.files)
        #expect(builder.lastRendered == [])
        files["content/a3.md"] = files["content/a3.md"]! + "\nEdited.\n"
        _ = try await builder.build(SourceTree(files: files), changed: ["content/a3.md"])
        #expect(builder.usedContentEdit)
        #expect(builder.lastRendered.contains("a3/index.html"))
        #expect(!builder.lastRendered.contains("a1/index.html"))
        #expect(builder.lastRendered.allSatisfy {
            $0.hasSuffix("atom.xml") || $0.hasSuffix("feed.xml") || $0.hasSuffix("feed.json") || $0 == "a3/index.html" || $0.hasPrefix("search/")
        })
    }

    @Test("edits that keep the site's shape skip the full pipeline; others, and errors, do not")
    func contentEditPath() async throws {
        var builder = IncrementalBuilder(options: TestSite.options())
        var files = Self.base
        _ = try await builder.build(SourceTree(files: files))
        #expect(!builder.usedContentEdit)
        func edit(_ path: String, _ change: (String) -> String) async -> Result<BuildOutput, BuildFailure> {
            files[path] = change(files[path]!)
            return await Self.build(files, changed: [path], with: &builder)
        }
        // Body and title edits keep the shape; the result is a clean build's.
        var result = await edit("content/a2.md") { $0 + "\nA new paragraph.\n" }
        #expect(builder.usedContentEdit)
        #expect(Self.snapshot(result) == Self.snapshot(await Self.clean(files)))
        result = await edit("content/a2.md") { $0.replacingOccurrences(of: "title: \"Article 2", with: "title: \"Second") }
        #expect(builder.usedContentEdit)
        #expect(Self.snapshot(result) == Self.snapshot(await Self.clean(files)))
        #expect(try result.get().freshFiles?.map(\.path).contains("a2/index.html") == true)
        // A tag edit changes the lists: every stage runs.
        _ = await edit("content/a2.md") { $0.replacingOccurrences(of: "tags: [", with: "tags: [\"new\", ") }
        #expect(!builder.usedContentEdit)
        // A broken link is an error: the full pipeline reports it, and the fix is applied to the last good build.
        result = await edit("content/a3.md") { $0 + "\n[gone](missing.md)\n" }
        guard case .failure(let failure) = result else { Issue.record("a broken link must fail the build"); return }
        #expect(failure.diagnostics.map(\.summary).contains { $0.hasPrefix("content/a3.md:") })
        result = await edit("content/a3.md") { $0.replacingOccurrences(of: "\n[gone](missing.md)\n", with: "\n") }
        #expect(builder.usedContentEdit)
        #expect(Self.snapshot(result) == Self.snapshot(await Self.clean(files)))
        // Without the changed paths nothing is assumed.
        _ = try await builder.build(SourceTree(files: files))
        #expect(!builder.usedContentEdit)
    }

    @Test("what shapes the site: everything in the front matter but the title, description, image and author")
    func frontMatterShape() {
        let day = { PublishDate(year: 2026, month: 1, day: $0, hour: 0, minute: 0, second: 0, offsetSeconds: 0, hasTime: false) }
        let base = FrontMatter(title: "A", date: day(2))
        var shown = base
        shown.title = "B"
        shown.description = "d"
        shown.image = "/i.png"
        shown.imageAlt = "i"
        shown.author = "Ann"
        #expect(shown.sameShape(as: base, titleShapes: false))
        #expect(!shown.sameShape(as: base, titleShapes: true))
        for change in [{ (m: inout FrontMatter) in m.tags = ["x"] }, { $0.category = "c" }, { $0.draft = true }, { $0.slug = "s" },
                       { $0.aliases = ["/old/"] }, { $0.updated = day(3) },
                       { $0.facts = ["k": DataValue(text: "v", form: .text, position: FilePosition(line: 9, column: 3))] }, { $0.positions = ["tags": FilePosition(line: 4, column: 1)] }] {
            var other = base
            change(&other)
            #expect(!other.sameShape(as: base, titleShapes: false))
        }
    }
}
