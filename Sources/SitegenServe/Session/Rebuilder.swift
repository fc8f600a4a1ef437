import Foundation
import SitegenCore

/// The rebuild loop's state, owned by one task: the source tree in memory, the incremental builder and
/// the last good snapshot.
struct Rebuilder: Sendable {
    let loader: SiteLoader
    var builder: IncrementalBuilder
    let live: LiveSite
    let output: OutputWriter?
    let log: @Sendable (String) -> Void
    private var tree = SourceTree()
    private var served = ServedSite()

    init(loader: SiteLoader, builder: IncrementalBuilder, live: LiveSite, output: OutputWriter?, log: @escaping @Sendable (String) -> Void) {
        self.loader = loader
        self.builder = builder
        self.live = live
        self.output = output
        self.log = log
    }

    /// The base path the site is served under (from `--base-url` or the config's `base_url`).
    var basePath: String {
        var config = (try? SiteBuilder.config(of: tree)) ?? SiteConfig()
        if let baseURL = builder.options.baseURL { config.baseURL = baseURL }
        return config.basePath
    }

    /// Reads the whole site and builds it once.
    mutating func start() async {
        do {
            tree = try loader.load()
        } catch let failure as BuildFailure {
            await report(failure.diagnostics)
            return
        } catch {
            await report([.error("cannot read the site: \(error)", file: nil)])
            return
        }
        await build(reason: "Built", changed: nil)
    }

    /// Re-reads the changed paths and builds again.
    mutating func rebuild(_ paths: Set<String>) async {
        do {
            try loader.reload(&tree, paths: paths)
        } catch let failure as BuildFailure {
            builder.forgetChanges()
            await report(failure.diagnostics)
            return
        } catch {
            builder.forgetChanges()
            await report([.error("cannot read the changed files: \(error)", file: nil)])
            return
        }
        let names = paths.sorted()
        await build(reason: "Rebuilt after \(names.prefix(3).joined(separator: ", "))\(names.count > 3 ? " and \(names.count - 3) more" : "")", changed: paths)
    }

    /// Builds; warnings are printed in full after the first build, then only those of the changed files
    /// (a large site's hundreds of standing warnings would bury the news).
    private mutating func build(reason: String, changed paths: Set<String>?) async {
        let start = ContinuousClock.now
        do {
            let result = try await builder.build(tree, changed: paths)
            var known: [String]?
            if let fresh = result.freshFiles {
                (served, known) = served.updating(fresh, manifest: result.manifest)
            } else {
                served = ServedSite(output: result, reusing: served)
            }
            let changed = await live.publish(served, changed: known)
            let elapsed = start.duration(to: .now)
            log("\(reason) in \(Self.milliseconds(elapsed)) ms: \(changed.count) \(changed.count == 1 ? "file" : "files") changed")
            let shown = paths.map { paths in result.diagnostics.filter { $0.file.map(paths.contains) ?? false } } ?? result.diagnostics
            for diagnostic in shown { log(diagnostic.formatted) }
            if shown.count < result.diagnostics.count { log("(\(result.diagnostics.count - shown.count) more warnings in unchanged files)") }
            if let output { _ = try? await output.write(result.files, manifest: result.manifest) }
        } catch let failure as BuildFailure {
            await report(failure.diagnostics)
        } catch {
            await report([.error("build failed: \(error)", file: nil)])
        }
    }

    private func report(_ diagnostics: [Diagnostic]) async {
        await live.fail(diagnostics)
        let errors = diagnostics.count { $0.severity == .error }
        log("Build failed (\(errors) \(errors == 1 ? "error" : "errors")); still serving the last good version")
        for diagnostic in diagnostics { log(diagnostic.formatted) }
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}
