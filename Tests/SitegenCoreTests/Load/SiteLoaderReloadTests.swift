import Foundation
import Testing
@testable import SitegenCore

/// `reload` of the changed paths must give the tree a fresh `load()` gives.
@Suite("Reloading changed files")
struct SiteLoaderReloadTests {
    private func folder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    private func write(_ text: String, _ path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func same(_ a: SourceTree, _ b: SourceTree) -> Bool {
        a.content == b.content && a.templates == b.templates && a.staticFiles == b.staticFiles
            && a.config?.path == b.config?.path && a.config?.text == b.config?.text
    }

    @Test("edits, new files, new and deleted folders, a deleted template falling back to the theme, the config")
    func reloadEqualsLoad() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try write("---\ntitle: A\ndate: 2026-01-01\n---\nA\n", "content/a.md", in: root)
        try write("custom", "templates/404.mustache", in: root)
        try write("x", "public/x.txt", in: root)
        let loader = SiteLoader(root: root)
        var tree = try loader.load()
        let steps: [(String, () throws -> Void)] = [
            ("content/a.md", { try self.write("changed", "content/a.md", in: root) }),
            ("content/blog", { try self.write("b", "content/blog/b.md", in: root); try self.write("c", "content/blog/deep/c.md", in: root) }),
            ("content/blog/.b.md.swp", { try self.write("swap", "content/blog/.b.md.swp", in: root) }),
            ("content/blog", { try FileManager.default.removeItem(at: root.appendingPathComponent("content/blog")) }),
            ("templates/404.mustache", { try FileManager.default.removeItem(at: root.appendingPathComponent("templates/404.mustache")) }),
            ("public/y.txt", { try self.write("y", "public/y.txt", in: root) }),
            ("sitegen.yaml", { try self.write("title: T\n", "sitegen.yaml", in: root) }),
            ("public/x.txt", { try FileManager.default.removeItem(at: root.appendingPathComponent("public/x.txt")) }),
        ]
        for (path, change) in steps {
            try change()
            try loader.reload(&tree, paths: [path])
            #expect(same(tree, try loader.load()), "after changing \(path)")
        }
        #expect(tree.templates["templates/404.mustache"] == DefaultTheme.files["templates/404.mustache"])
    }
}
