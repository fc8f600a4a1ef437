import ArgumentParser
import Foundation
import SitegenCore

/// Options shared by every command that reads a site.
struct SiteOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The site folder (holding content/, templates/, public/).", valueName: "dir"))
    var source: String?

    @Option(help: ArgumentHelp("The config file (default: sitegen.yaml in the site folder).", valueName: "file"))
    var config: String?

    @Flag(help: "Include articles marked draft: true.")
    var drafts = false

    @Flag(help: "Include articles dated in the future.")
    var future = false

    /// The site root: `--source`, relative to the current folder, or the current folder.
    var root: URL {
        URL(fileURLWithPath: source ?? FileManager.default.currentDirectoryPath).standardizedFileURL
    }

    var configURL: URL? { config.map { URL(fileURLWithPath: $0).standardizedFileURL } }

    /// "Now" in seconds since 1970: SOURCE_DATE_EPOCH when set (reproducible builds), else the clock.
    static func now() throws -> Int {
        guard let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty else {
            return Int(Date().timeIntervalSince1970)
        }
        guard let value = Int(epoch) else { throw ValidationError("SOURCE_DATE_EPOCH must be a number of seconds, got '\(epoch)'") }
        return value
    }

    func buildOptions(baseURL: String?) throws -> BuildOptions {
        if let baseURL, !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            throw ValidationError("--base-url must be an absolute http(s) URL, got '\(baseURL)'")
        }
        return BuildOptions(includeDrafts: drafts, includeFuture: future, now: try Self.now(), baseURL: baseURL)
    }
}
