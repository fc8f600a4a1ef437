import ArgumentParser
import Foundation
import SitegenCore

/// `sitegen diff OLD NEW`: the files two builds differ in, from their manifests.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List the pages added, changed and removed between two builds.",
        discussion: """
            OLD and NEW are each a built folder (its .sitegen/manifest.json is read) or a manifest file. A folder \
            without a manifest is hashed file by file; titles and sources are then unknown, which the report says.
            Formats: text (the default), markdown (a pull-request comment: the articles first, linked under \
            --base-url or the new build's base URL), json (for programs). Exit status: 0 whether or not the builds \
            differ, 2 when OLD or NEW cannot be read and on a usage error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @Argument(help: ArgumentHelp("The earlier build: a folder or a manifest.json.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The later build: a folder or a manifest.json.", valueName: "new"))
    var new: String

    @Option(help: ArgumentHelp("text, markdown or json.", valueName: "format"))
    var format: Format = .text

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Where the new build is published, for the links in Markdown.", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let console = Console()
        let before: ManifestLoader.Loaded, after: ManifestLoader.Loaded
        do {
            before = try ManifestLoader(location: URL(fileURLWithPath: old)).load()
            after = try ManifestLoader(location: URL(fileURLWithPath: new)).load()
        } catch let error as ManifestError {
            console.error("error: \(error.description)")
            throw ExitCode(2)
        }
        let notes = [before.note, after.note].compactMap { $0 }
        let report = DiffReport(old: before.manifest, new: after.manifest, baseURL: baseURL, notes: notes)
        let text = switch format {
        case .text: report.text()
        case .markdown: report.markdown()
        case .json: report.json()
        }
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            console.error("error: cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }
}
