import ArgumentParser
import Foundation
import SitegenCore

/// `sitegen check`: the whole build in memory, plus a link and anchor check of every page; writes nothing.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the site without writing anything: content, data, links and anchors.",
        discussion: """
            Reports every problem of the site at once: front matter, data files, broken links and #anchors \
            in articles and in the templates' output, missing images, duplicate URLs. Exit status: 0 when \
            there are no errors, 1 when there are, 2 on a usage error. --format github prints GitHub Actions \
            annotations; --format json one document (docs/check-report.schema.json).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github
    }

    @OptionGroup var site: SiteOptions

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Check as if published under this URL (a preview).", valueName: "url"))
    var baseURL: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "How to print the findings: text, json or github.")
    var format: Format = .text

    func run() async throws {
        let console = Console()
        let report: CheckReport
        do {
            let tree = try SiteLoader(root: site.root, configFile: site.configURL).load()
            let diagnostics = await SiteBuilder(options: try site.buildOptions(baseURL: baseURL)).check(tree)
            report = strict ? CheckReport(diagnostics: diagnostics).strict() : CheckReport(diagnostics: diagnostics)
        } catch let failure as BuildFailure {
            report = CheckReport(diagnostics: failure.diagnostics)
        }
        switch format {
        case .text:
            if !report.diagnostics.isEmpty { console.write(report.text()) }
            console.out(Summary.check(report))
        case .json: console.write(report.json(tool: "sitegen \(SitegenVersion.current)"))
        case .github: console.write(report.github())
        }
        if report.errorCount > 0 { throw ExitCode.failure }
    }
}
