import Foundation
import PropertyBased
import Testing
@testable import SitegenCore

@Suite("The build manifest")
struct ManifestTests {
    /// Two articles over two list pages, a redirect, a bundle resource, a data file, a theme asset and a static file.
    static let site: [String: String] = TestSite.minimalTemplates.merging([
        "sitegen.yaml": "title: T\nbase_url: https://example.org/pr-42/\npage_size: 1\nfeed_length: 1\n",
        "content/blog/a.md": TestSite.article("A", date: "2026-01-02", extra: "tags: [ai]\ncategory: notes\naliases: [/old/a/]"),
        "content/blog/b/index.md": TestSite.article("B", date: "2026-01-01", extra: "tags: [ai]", body: "![d](diagram.svg)"),
        "content/blog/b/diagram.svg": "<svg/>",
        "content/data/comparisons/t.yaml": "title: T\noptions: [{id: a, name: A}, {id: b, name: B}]\ncriteria:\n  - {name: Speed, kind: rating, values: {a: 4, b: 3}}\n",
        "templates/assets/site.css": "body {}\n",
        "public/images/logo.svg": "<svg/>",
    ]) { own, _ in own }

    @Test("every output file has one entry, hashed, sorted by path; .sitegen/ is never listed")
    func entriesMatchFiles() async throws {
        let output = try await TestSite.build(Self.site).output
        let manifest = output.manifest
        #expect(manifest.version == 1)
        #expect(manifest.baseURL == "https://example.org/pr-42/")
        #expect(manifest.entries.map(\.path) == output.files.map(\.path).sorted())
        #expect(!manifest.entries.contains { $0.path.hasPrefix(".sitegen") })
        for file in output.files {
            guard case .bytes(let data) = file.contents else { continue }
            #expect(manifest.entries.first { $0.path == file.path }?.sha256 == Manifest.sha256(data), "\(file.path)")
        }
    }

    @Test("kind, title, URL with the base path, and sources for each kind of output")
    func provenance() async throws {
        let manifest = try await TestSite.build(Self.site).output.manifest
        var entries: [String: Manifest.Entry] = [:]
        for var entry in manifest.entries {
            entry.sha256 = nil
            entries[entry.path] = entry
        }
        let a = "content/blog/a.md", b = "content/blog/b/index.md"
        let expected: [Manifest.Entry] = [
            .init(path: "blog/a/index.html", kind: .article, title: "A", url: "/pr-42/blog/a/", sources: [a]),
            .init(path: "blog/b/index.html", kind: .article, title: "B", url: "/pr-42/blog/b/", sources: [b]),
            .init(path: "index.html", kind: .home, title: "Home", url: "/pr-42/", sources: [a]),
            .init(path: "page/2/index.html", kind: .home, title: "Home — page 2", url: "/pr-42/page/2/", sources: [b]),
            .init(path: "tags/ai/index.html", kind: .tag, title: "Tag: ai", url: "/pr-42/tags/ai/", sources: [a]),
            .init(path: "tags/ai/page/2/index.html", kind: .tag, title: "Tag: ai — page 2", url: "/pr-42/tags/ai/page/2/", sources: [b]),
            .init(path: "categories/notes/index.html", kind: .category, title: "Category: notes", url: "/pr-42/categories/notes/", sources: [a]),
            .init(path: "tags/index.html", kind: .tagsIndex, title: "Tags", url: "/pr-42/tags/", sources: [a, b]),
            .init(path: "categories/index.html", kind: .categoriesIndex, title: "Categories", url: "/pr-42/categories/", sources: [a]),
            .init(path: "archive/index.html", kind: .archive, title: "Archive", url: "/pr-42/archive/", sources: [a, b]),
            .init(path: "404.html", kind: .notFound, title: "Page not found", url: "/pr-42/404.html"),
            .init(path: "old/a/index.html", kind: .redirect, title: "Redirect to A", url: "/pr-42/old/a/", sources: [a]),
            // feed_length: 1, so the feeds hold the newest article only.
            .init(path: "feed.xml", kind: .feed, title: "RSS feed", url: "/pr-42/feed.xml", sources: [a]),
            .init(path: "atom.xml", kind: .feed, title: "Atom feed", url: "/pr-42/atom.xml", sources: [a]),
            .init(path: "feed.json", kind: .feed, title: "JSON feed", url: "/pr-42/feed.json", sources: [a]),
            .init(path: "tags/ai/atom.xml", kind: .feed, title: "Atom feed: Tag ai", url: "/pr-42/tags/ai/atom.xml", sources: [a]),
            .init(path: "categories/notes/atom.xml", kind: .feed, title: "Atom feed: Category notes", url: "/pr-42/categories/notes/atom.xml", sources: [a]),
            .init(path: "sitemap.xml", kind: .sitemap, url: "/pr-42/sitemap.xml", sources: [a, b]),
            .init(path: "robots.txt", kind: .robots, url: "/pr-42/robots.txt"),
            .init(path: "data/comparisons/t.json", kind: .data, url: "/pr-42/data/comparisons/t.json", sources: ["content/data/comparisons/t.yaml"]),
            .init(path: "data/comparisons/t.csv", kind: .data, url: "/pr-42/data/comparisons/t.csv", sources: ["content/data/comparisons/t.yaml"]),
            .init(path: "blog/b/diagram.svg", kind: .contentFile, url: "/pr-42/blog/b/diagram.svg", sources: ["content/blog/b/diagram.svg"]),
            .init(path: "assets/site.css", kind: .asset, url: "/pr-42/assets/site.css", sources: ["templates/assets/site.css"]),
            .init(path: "images/logo.svg", kind: .static, url: "/pr-42/images/logo.svg", sources: ["public/images/logo.svg"]),
            .init(path: "search/index.html", kind: .search, title: "Search", url: "/pr-42/search/"),
            .init(path: "search/index.json", kind: .searchIndex, url: "/pr-42/search/index.json"),
            .init(path: "search/terms/0.json", kind: .searchIndex, url: "/pr-42/search/terms/0.json"),
            .init(path: "search/docs/0.json", kind: .searchIndex, url: "/pr-42/search/docs/0.json"),
            .init(path: "search/docs/1.json", kind: .searchIndex, url: "/pr-42/search/docs/1.json"),
        ]
        for entry in expected { #expect(entries[entry.path] == entry) }
        #expect(Set(entries.keys) == Set(expected.map(\.path)))
    }

    @Test("two builds of the same sources give the same manifest bytes, whatever order the files were read in")
    func deterministic() async throws {
        let first = try await TestSite.build(Self.site).output.manifest.json()
        var reversed = SourceTree()
        for (path, text) in Self.site.sorted(by: { $0.key > $1.key }) {
            let one = SourceTree(files: [path: text])
            reversed.content.merge(one.content) { $1 }
            reversed.templates.merge(one.templates) { $1 }
            reversed.staticFiles.merge(one.staticFiles) { $1 }
            if let config = one.config { reversed.config = config }
        }
        let second = try await SiteBuilder(options: TestSite.options()).build(reversed).manifest.json()
        #expect(first == second)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"baseURL\" : \"https://example.org/pr-42/\",\n  \"entries\" : [\n"))
        #expect(text.hasSuffix("\n  \"version\" : 1\n}\n"))
    }

    @Test("the JSON reads back; other JSON and other versions are refused")
    func roundTrip() throws {
        let manifest = Manifest(baseURL: "https://example.org/", entries: [
            .init(path: "b.txt", sha256: "00", kind: .static, url: "/b.txt", sources: ["public/b.txt"]),
            .init(path: "a/index.html", sha256: "11", kind: .article, title: "A", url: "/a/", sources: ["content/a.md"]),
        ])
        #expect(manifest.entries.map(\.path) == ["a/index.html", "b.txt"])
        #expect(try Manifest(json: manifest.json()) == manifest)
        #expect(throws: ManifestError("not a sitegen manifest (no JSON object with a 'version')")) { try Manifest(json: Data("[1]".utf8)) }
        #expect(throws: ManifestError("manifest version 2 is not supported (this sitegen reads version 1)")) {
            try Manifest(json: Data("{\"version\": 2}".utf8))
        }
    }

    @Test("property: the hand-written JSON is byte for byte what JSONEncoder writes")
    func jsonMatchesEncoder() async {
        let pieces = ["a", "Z", "/", "\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{1}", "\u{1F}", "\u{7F}", "é", "\u{2028}", "🙂", " ", "<"]
        let text = Gen.int(in: 0..<pieces.count).array(of: 0...8).map { $0.map { pieces[$0] }.joined() }
        let kinds = Manifest.Kind.allCases
        let entry = zip(text, text, Gen.int(in: 0..<kinds.count), Gen.int(in: 0...3), text.array(of: 0...2)).map { path, title, kind, optionals, sources in
            Manifest.Entry(
                path: path, sha256: optionals & 1 == 0 ? nil : title + "0", kind: kinds[kind], title: optionals & 2 == 0 ? nil : title,
                url: "/" + path, sources: sources)
        }
        await propertyCheck(input: text, entry.array(of: 0...3)) { baseURL, entries in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            let manifest = Manifest(baseURL: baseURL, entries: entries)
            let expected = try encoder.encode(manifest) + Data("\n".utf8)
            #expect(manifest.json() == expected)
        }
    }

    @Test("a manifest of several thousand entries, written in slices, is what JSONEncoder writes")
    func largeJSONMatchesEncoder() throws {
        let entries = (0..<5000).map { number in
            Manifest.Entry(path: "posts/\(number)/index.html", sha256: number % 3 == 0 ? nil : "\(number)", kind: .article,
                           title: number % 2 == 0 ? "Post \(number)" : nil, url: "/posts/\(number)/", sources: number % 5 == 0 ? [] : ["content/\(number).md"])
        }
        let manifest = Manifest(baseURL: "https://example.com/", entries: entries)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        #expect(manifest.json() == (try encoder.encode(manifest)) + Data("\n".utf8))
    }

    @Test("SHA-256 in lower-case hexadecimal")
    func sha256() {
        #expect(Manifest.sha256(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Manifest.sha256(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
