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

    /// "Now" is SOURCE_DATE_EPOCH when set (reproducible builds), else the clock.
    func buildOptions(baseURL: String?) throws -> BuildOptions {
        var now = Int(Date().timeIntervalSince1970)
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let value = Int(epoch) else { throw ValidationError("SOURCE_DATE_EPOCH must be a number of seconds, got '\(epoch)'") }
            now = value
        }
        if let baseURL, !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            throw ValidationError("--base-url must be an absolute http(s) URL, got '\(baseURL)'")
        }
        return BuildOptions(includeDrafts: drafts, includeFuture: future, now: now, baseURL: baseURL)
    }
}
