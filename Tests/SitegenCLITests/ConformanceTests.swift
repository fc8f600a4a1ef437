import Foundation
import Testing

/// The GFM spec through `sitegen markdown`, checked by the external runner in `../shared/conformance`
/// (present beside the repository in CI; a clone elsewhere does not have it).
@Suite("GFM spec conformance through sitegen markdown")
struct ConformanceTests {
    static let conformance = CLIHarness.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance")
    static let available = FileManager.default.fileExists(atPath: conformance.appendingPathComponent("run_spec.py").path)

    private func runSpec(_ extra: [String]) throws -> CLIHarness.Result {
        let python = URL(fileURLWithPath: "/usr/bin/env")
        let runner = Self.conformance.appendingPathComponent("run_spec.py").path
        return try CLIHarness.run(python, ["python3", runner] + extra + ["--ext-flag=--extension {}", "--", CLIHarness.binary.path, "markdown", "--commonmark", "--unsafe"])
    }

    @Test("spec.txt: all 671 examples pass", .enabled(if: available, "needs ../shared/conformance"))
    func spec() throws {
        let result = try runSpec([])
        #expect(result.status == 0, "\(result.stdout.suffix(2000))")
        #expect(result.stdout.contains("671 passed, 0 failed"))
    }

    @Test("extensions.txt: all but the known version difference pass", .enabled(if: available, "needs ../shared/conformance"))
    func extensions() throws {
        let knownFailures = Self.conformance.appendingPathComponent("known-failures/cmark-gfm-0.29.0.gfm.6-extensions.txt").path
        let result = try runSpec(["-X", "-e", "table strikethrough autolink tagfilter footnotes tasklist", "--known-failures", knownFailures])
        #expect(result.status == 0, "\(result.stdout.suffix(2000))")
        #expect(result.stdout.contains("27 passed, 1 failed"))
    }
}
