import Foundation
import Testing
@testable import SitegenCore

/// Builds small sites in memory, the way `sitegen build` does, for end-to-end tests.
enum TestSite {
    /// 2026-06-01T00:00:00Z: "now" for every test build, so future-dated fixtures stay future.
    static let now = 1_780_272_000

    /// Minimal templates that print what a test needs to see.
    static let minimalTemplates: [String: String] = [
        "templates/article.mustache": "{{#article}}<h1>{{title}}</h1>{{{content}}}{{/article}}",
        "templates/list.mustache": "{{#list}}{{heading}}:{{#articles}} {{url}}{{/articles}}{{#pagination}} [{{current}}/{{total}}]{{/pagination}}{{/list}}",
        "templates/terms.mustache": "{{#terms}}{{#items}}{{name}}={{count}};{{/items}}{{/terms}}",
        "templates/archive.mustache": "{{#archive}}{{#years}}{{year}}:{{count}};{{/years}}{{/archive}}",
        "templates/404.mustache": "not found",
        "templates/redirect.mustache": "{{redirect.target}}",
        "templates/search.mustache": "search {{site.searchURL}}",
    ]

    /// The repository's own theme (`templates/`), read from disk.
    static var themeTemplates: [String: String] {
        let root = repositoryRoot.appendingPathComponent("templates")
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard !url.hasDirectoryPath, let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            result["templates/" + url.path.dropFirst(root.path.count + 1)] = text
        }
        return result
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func options(drafts: Bool = false, future: Bool = false, baseURL: String? = nil) -> BuildOptions {
        BuildOptions(includeDrafts: drafts, includeFuture: future, now: now, baseURL: baseURL)
    }

    /// Builds `files` (with the minimal templates unless the files bring their own) and returns the output as text by path.
    static func build(_ files: [String: String], options: BuildOptions = options()) async throws -> BuiltSite {
        var all = files
        if !files.keys.contains(where: { $0.hasPrefix("templates/") }) {
            all.merge(minimalTemplates) { own, _ in own }
        }
        let output = try await SiteBuilder(options: options).build(SourceTree(files: all))
        return BuiltSite(output: output)
    }

    /// The diagnostics of a build that must fail.
    static func failure(_ files: [String: String], options: BuildOptions = options()) async -> [Diagnostic] {
        do {
            _ = try await build(files, options: options)
            Issue.record("the build succeeded but was expected to fail")
            return []
        } catch let failure as BuildFailure {
            return failure.diagnostics
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    /// An article file with front matter.
    static func article(_ title: String, date: String = "2026-01-01", extra: String = "", body: String = "Text.") -> String {
        "---\ntitle: \"\(title)\"\ndate: \(date)\n\(extra.isEmpty ? "" : extra + "\n")---\n\(body)\n"
    }
}

/// The result of a test build, indexed by output path.
struct BuiltSite {
    let output: BuildOutput

    var paths: [String] { output.files.map(\.path).sorted() }

    subscript(path: String) -> String? {
        guard let file = output.files.first(where: { $0.path == path }), case .bytes(let data) = file.contents else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    var warnings: [String] { output.diagnostics.map(\.summary) }
}
