import Foundation
import Testing
@testable import SitegenCore

@Suite struct ScratchDiff {
    static let base: [String: String] = [
        "sitegen.yaml": "title: T\nbase_url: https://example.org/blog/\n",
        "content/blog/alpha.md": TestSite.article("Alpha", date: "2026-01-04", extra: "tags: [ai, ml]\ncategory: notes\ndescription: First", body: "Alpha body text."),
        "content/blog/beta.md": TestSite.article("Beta", date: "2026-01-03", extra: "tags: [ai]\ncategory: notes", body: "Beta body text."),
        "content/blog/gamma.md": TestSite.article("Gamma", date: "2026-01-02", extra: "tags: [web]\ncategory: dev", body: "Gamma body."),
        "content/blog/delta.md": TestSite.article("Delta", date: "2026-01-01", extra: "tags: [web]\ncategory: dev", body: "Delta body."),
        "public/images/logo.svg": "<svg/>",
    ]

    func show(_ name: String, _ old: [String: String], _ new: [String: String]) async throws {
        for theme in [false, true] {
            var o = old, n = new
            if theme { o.merge(TestSite.themeTemplates) { a, _ in a }; n.merge(TestSite.themeTemplates) { a, _ in a } }
            let a = try await TestSite.build(o).output.manifest
            let b = try await TestSite.build(n).output.manifest
            print("=== \(name) theme=\(theme)\n" + DiffReport(old: a, new: b).text())
        }
    }

    @Test func scratch() async throws {
        var edit = Self.base
        edit["content/blog/beta.md"] = TestSite.article("Beta", date: "2026-01-03", extra: "tags: [ai]\ncategory: notes", body: "Beta body text, edited.")
        try await show("edit", Self.base, edit)
        var tag = Self.base
        tag["content/blog/alpha.md"] = TestSite.article("Alpha", date: "2026-01-04", extra: "tags: [ai, web]\ncategory: notes\ndescription: First", body: "Alpha body text.")
        try await show("tag", Self.base, tag)
        var del = Self.base
        del["content/blog/gamma.md"] = nil
        try await show("delete", Self.base, del)
        var stat = Self.base
        stat["public/files/new.pdf"] = "PDF"
        try await show("static", Self.base, stat)
        let a = try await TestSite.build(Self.base).output.manifest
        print(String(decoding: a.json(), as: UTF8.self))
    }
}
