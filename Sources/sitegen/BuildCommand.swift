import ArgumentParser
import Foundation
import SitegenCore

/// `sitegen build`: load, build, and write the output folder as the pages are rendered, once every
/// stage before rendering has succeeded.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder (dist/ by default).",
        discussion: """
            Reads content/, templates/, public/ and sitegen.yaml from the site folder (the current folder unless \
            --source names another). Nothing is written unless the whole build succeeds: on any error the \
            previous output stays exactly as it was, and every problem is listed as path:line:column.
            Future-dated articles are left out relative to the clock, or to SOURCE_DATE_EPOCH when it is set.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(help: ArgumentHelp("Where to write the site.", valueName: "dir"))
    var output: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Publish under this URL instead of base_url from the config.", valueName: "url"))
    var baseURL: String?

    @Flag(help: "A preview build: a banner on every page, noindex, and a robots.txt that disallows everything.")
    var preview = false

    @Option(name: .customLong("preview-label"), help: ArgumentHelp("Text for the preview banner, such as a commit or pull request (implies --preview).", valueName: "text"))
    var previewLabel: String?

    @Flag(help: "Print only warnings and errors, not the summary line.")
    var quiet = false

    @Option(help: ArgumentHelp("Spread the work over this many workers instead of all cores (the output is the same).", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        let start = ContinuousClock.now
        let root = site.root
        let outputURL = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? root.appendingPathComponent("dist")
        let console = Console()
        do {
            let writer = OutputWriter(output: outputURL, siteRoot: root, workers: jobs)
            try writer.check()
            let tree = try SiteLoader(root: root, configFile: site.configURL).load()
            var options = try site.buildOptions(baseURL: baseURL)
            options.preview = preview ? true : nil
            options.previewLabel = previewLabel
            options.workers = jobs
            let session = writer.session()
            let result = try await SiteBuilder(options: options).build(consume tree, writingTo: session, keepingBodiesIn: try writer.bodyStore())
            // The warnings are printed while the manifest is written: both take a while on a large site.
            async let finished = session.finish(manifest: result.manifest)
            console.report(result.diagnostics)
            _ = try await finished
            if !quiet {
                let elapsed = start.duration(to: .now)
                console.out(Summary.line(result.statistics, elapsed: elapsed, output: outputURL.path))
            }
        } catch let failure as BuildFailure {
            console.report(failure.diagnostics)
            console.error(Summary.failure(failure.diagnostics))
            throw ExitCode.failure
        }
    }
}
