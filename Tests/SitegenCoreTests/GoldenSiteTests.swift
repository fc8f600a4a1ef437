import Foundation
import Testing
@testable import SitegenCore

/// Builds each fixture site under `Fixtures/<name>/input` and compares the whole output tree, paths and
/// bytes, with `Fixtures/<name>/expected`. Run with `SITEGEN_RECORD=1` to rewrite `expected/` after a
/// deliberate change, then review the diff like code.
@Suite("Golden output trees")
struct GoldenSiteTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test("fixture sites build to exactly their expected trees", arguments: ["basic", "data"])
    func golden(name: String) async throws {
        let folder = Self.fixtures.appendingPathComponent(name)
        let tree = try SiteLoader(root: folder.appendingPathComponent("input"), useDefaultTheme: false).load()
        let output = try await SiteBuilder(options: TestSite.options()).build(tree)
        let actual = Dictionary(uniqueKeysWithValues: try output.files.map { ($0.path, try Self.bytes($0.contents)) })
        let expectedFolder = folder.appendingPathComponent("expected")
        if ProcessInfo.processInfo.environment["SITEGEN_RECORD"] == "1" {
            try? FileManager.default.removeItem(at: expectedFolder)
            _ = try await OutputWriter(output: expectedFolder, siteRoot: folder.appendingPathComponent("input")).write(output.files)
            try FileManager.default.removeItem(at: expectedFolder.appendingPathComponent(".sitegen"))
            return
        }
        let expected = try Self.read(expectedFolder)
        #expect(actual.keys.sorted() == expected.keys.sorted(), "unexpected or missing output files")
        for path in actual.keys.sorted() {
            guard let want = expected[path], let got = actual[path], want != got else { continue }
            Issue.record("\(path) differs: \(Self.firstDifference(want, got))")
        }
    }

    private static func bytes(_ contents: StaticFile) throws -> Data {
        switch contents {
        case .bytes(let data): return data
        case .disk(let url): return try Data(contentsOf: url)
        }
    }

    private static func read(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            result[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))] = try Data(contentsOf: url)
        }
        return result
    }

    /// The first line that differs, for a readable failure.
    private static func firstDifference(_ expected: Data, _ actual: Data) -> String {
        let want = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let got = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(want.count, got.count) where want[safe: index] != got[safe: index] {
            return "line \(index + 1): expected \(want[safe: index].map { "\"\($0)\"" } ?? "nothing"), got \(got[safe: index].map { "\"\($0)\"" } ?? "nothing")"
        }
        return "same lines, different bytes"
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
