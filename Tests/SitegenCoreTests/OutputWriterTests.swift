import Foundation
import Testing
@testable import SitegenCore

@Suite("Writing the output folder")
struct OutputWriterTests {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func write(_ root: URL, _ files: [String: String]) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    private func tree(_ root: URL) -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard !url.hasDirectoryPath, let data = try? Data(contentsOf: url) else { continue }
            result[String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))] = String(decoding: data, as: UTF8.self)
        }
        return result
    }

    /// Load, build and write, as `sitegen build` does.
    private func buildOnDisk(_ root: URL) async throws -> OutputWriter.Report {
        let tree = try SiteLoader(root: root).load()
        let output = try await SiteBuilder(options: TestSite.options()).build(tree)
        return try await OutputWriter(output: root.appendingPathComponent("dist"), siteRoot: root).write(output.files)
    }

    @Test("a failed build leaves the previous output exactly as it was")
    func failedBuildKeepsOutput() async throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try write(root, TestSite.minimalTemplates.merging(["content/a.md": TestSite.article("A")]) { a, _ in a })
        _ = try await buildOnDisk(root)
        let before = tree(root.appendingPathComponent("dist"))
        try write(root, ["content/a.md": "---\ntitle: A\n---\n", "content/b.md": TestSite.article("B")])
        await #expect(throws: BuildFailure.self) { try await buildOnDisk(root) }
        #expect(tree(root.appendingPathComponent("dist")) == before)
    }

    @Test("a rebuild removes stale pages and leaves identical files untouched")
    func staleFilesAndUnchangedWrites() async throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try write(root, TestSite.minimalTemplates.merging(["content/a.md": TestSite.article("A"), "content/b.md": TestSite.article("B")]) { a, _ in a })
        let first = try await buildOnDisk(root)
        #expect(first.unchanged == 0)
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/b.md"))
        let second = try await buildOnDisk(root)
        #expect(second.removed == 2)  // b's page and the last search fragment
        #expect(second.written == 8)  // home, archive, three feeds, the sitemap, and the search manifest and shard changed
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("dist/b").path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("dist/a/index.html").path))
    }

    @Test("refuses the site folder, its sources, and folders sitegen did not create")
    func refusals() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try write(root, ["elsewhere/keep.txt": "mine"])
        for output in [root, root.deletingLastPathComponent(), root.appendingPathComponent("content"), root.appendingPathComponent("public/out"), root.appendingPathComponent("elsewhere")] {
            #expect(throws: BuildFailure.self) { try OutputWriter(output: output, siteRoot: root).check() }
        }
        try OutputWriter(output: root.appendingPathComponent("dist"), siteRoot: root).check()
        #expect(tree(root) == ["elsewhere/keep.txt": "mine"])
    }
}

@Suite("Writing over an earlier build's shape")
struct OutputWriterShapeTests {
    @Test("a file where a folder must go, and a folder where a file must go, are replaced")
    func shapeChanges() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-shape-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = OutputWriter(output: root.appendingPathComponent("dist"), siteRoot: root)
        _ = try await writer.write([OutputFile(path: "a", text: "file"), OutputFile(path: "b/index.html", text: "page")])
        _ = try await writer.write([OutputFile(path: "a/index.html", text: "page"), OutputFile(path: "b", text: "file")])
        #expect(try String(contentsOf: root.appendingPathComponent("dist/a/index.html"), encoding: .utf8) == "page")
        #expect(try String(contentsOf: root.appendingPathComponent("dist/b"), encoding: .utf8) == "file")
    }

    @Test("a symbolic link in the output folder is replaced, never written through")
    func symbolicLinks() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = OutputWriter(output: root.appendingPathComponent("dist"), siteRoot: root)
        _ = try await writer.write([OutputFile(path: "a.txt", text: "old"), OutputFile(path: "d/x.txt", text: "x")])
        let outside = root.appendingPathComponent("outside.txt")
        try Data("keep".utf8).write(to: outside)
        let outsideFolder = root.appendingPathComponent("outside-folder")
        try FileManager.default.createDirectory(at: outsideFolder, withIntermediateDirectories: true)
        try FileManager.default.removeItem(at: root.appendingPathComponent("dist/a.txt"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("dist/a.txt"), withDestinationURL: outside)
        try FileManager.default.removeItem(at: root.appendingPathComponent("dist/d"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("dist/d"), withDestinationURL: outsideFolder)
        _ = try await writer.write([OutputFile(path: "a.txt", text: "new"), OutputFile(path: "d/x.txt", text: "x")])
        #expect(try String(contentsOf: outside, encoding: .utf8) == "keep")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outsideFolder.path).isEmpty)
        #expect(try String(contentsOf: root.appendingPathComponent("dist/a.txt"), encoding: .utf8) == "new")
        #expect(try String(contentsOf: root.appendingPathComponent("dist/d/x.txt"), encoding: .utf8) == "x")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: root.appendingPathComponent("dist/a.txt").path)) == nil)
    }
}
