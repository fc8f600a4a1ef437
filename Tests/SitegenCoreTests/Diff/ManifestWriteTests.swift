import Foundation
import Testing
@testable import SitegenCore

@Suite("Writing and reading the manifest")
struct ManifestWriteTests {
    private func temporarySite(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-manifest-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    /// Load, build and write, as `sitegen build` does.
    private func build(_ root: URL, manifest: Bool = true) async throws -> URL {
        let output = try await SiteBuilder(options: TestSite.options()).build(try SiteLoader(root: root).load())
        let dist = root.appendingPathComponent("dist")
        _ = try await OutputWriter(output: dist, siteRoot: root).write(output.files, manifest: manifest ? output.manifest : nil)
        return dist
    }

    @Test("the writer writes .sitegen/manifest.json with the hashes of files copied from disk, and keeps it across rebuilds")
    func written() async throws {
        let root = try temporarySite(TestSite.minimalTemplates.merging([
            "content/a.md": TestSite.article("A"), "public/logo.svg": "<svg/>",
        ]) { own, _ in own })
        defer { try? FileManager.default.removeItem(at: root) }
        let dist = try await build(root)
        let file = dist.appendingPathComponent(".sitegen/manifest.json")
        let manifest = try Manifest(json: Data(contentsOf: file))
        let logo = try #require(manifest.entries.first { $0.path == "logo.svg" })
        #expect(logo.sha256 == Manifest.sha256(Data("<svg/>".utf8)))
        #expect(logo.kind == .static && logo.sources == ["public/logo.svg"])
        #expect(manifest.entries.allSatisfy { $0.sha256 != nil })
        #expect(!manifest.entries.contains { $0.path.hasPrefix(".sitegen") })
        let before = try Data(contentsOf: file)
        _ = try await build(root)
        #expect(try Data(contentsOf: file) == before)
        #expect(FileManager.default.fileExists(atPath: dist.appendingPathComponent(OutputWriter.markerPath).path))
    }

    @Test("a folder read back gives the manifest; without one, its files are hashed and the kinds guessed")
    func loaded() async throws {
        let root = try temporarySite(TestSite.minimalTemplates.merging(["content/a.md": TestSite.article("A")]) { own, _ in own })
        defer { try? FileManager.default.removeItem(at: root) }
        let dist = try await build(root)
        let written = try ManifestLoader(location: dist).load()
        #expect(written.note == nil)
        #expect(try ManifestLoader(location: dist.appendingPathComponent(".sitegen/manifest.json")).load().manifest == written.manifest)
        _ = try await build(root, manifest: false)
        #expect(!FileManager.default.fileExists(atPath: dist.appendingPathComponent(".sitegen/manifest.json").path))
        let hashed = try ManifestLoader(location: dist).load()
        #expect(hashed.note == "\(dist.standardizedFileURL.path) has no .sitegen/manifest.json: its files were hashed, their titles and sources are unknown and their kinds guessed from their paths")
        #expect(hashed.manifest.entries.map(\.path) == written.manifest.entries.map(\.path))
        #expect(hashed.manifest.entries.map(\.sha256) == written.manifest.entries.map(\.sha256))
        #expect(hashed.manifest.entries.map(\.kind) == written.manifest.entries.map(\.kind))
        #expect(ManifestDiff(old: written.manifest, new: hashed.manifest).isEmpty)
        #expect(throws: ManifestError("\(root.path)/nowhere: no such file or folder")) { try ManifestLoader(location: root.appendingPathComponent("nowhere")).load() }
    }
}
