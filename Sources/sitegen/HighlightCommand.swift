import ArgumentParser
import Foundation
import SitegenCore
import SitegenHighlight

/// `sitegen highlight`: highlights a file (or standard input) the way `sitegen build` highlights fenced code.
struct HighlightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "highlight",
        abstract: "Highlight code as the build does, or list the languages.",
        discussion: """
            Uses the languages of templates/highlight/ in the site folder (--source) over the built-in ones. \
            --format html prints the <pre> block the build writes; --format json prints the tokens, \
            [{"text": …, "class": … or null}, …], whose texts joined are the input.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, json
    }

    @Option(help: ArgumentHelp("The site folder whose templates/highlight/ languages to use.", valueName: "dir"))
    var source: String?

    @Option(help: "The language (a fence word such as swift, py or sh).")
    var language: String?

    @Option(help: "What to print: html or json.")
    var format: Format = .html

    @Flag(help: "List the languages and their aliases.")
    var list = false

    @Argument(help: "The file to highlight (default: standard input).")
    var file: String?

    func run() throws {
        let console = Console()
        let root = URL(fileURLWithPath: source ?? FileManager.default.currentDirectoryPath)
        let (highlighter, languages): (Highlighter, [String])
        do {
            (highlighter, languages) = try SiteHighlighter.load(templates: try SiteLoader(root: root).loadTemplates())
        } catch let failure as BuildFailure {
            console.report(failure.diagnostics)
            throw ExitCode.failure
        }
        if list {
            for line in languages { console.out(line) }
            return
        }
        guard let language else { throw ValidationError("name the language with --language (see --list)") }
        let data = try file.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } ?? FileHandle.standardInput.readDataToEndOfFile()
        let code = String(decoding: data, as: UTF8.self)
        guard let tokens = highlighter.tokens(code, language: language) else {
            throw ValidationError("unknown language '\(language)' (see --list)")
        }
        switch format {
        case .html: console.write(highlighter.html(code, language: language) ?? "")
        case .json: console.write(try Self.json(tokens) + "\n")
        }
    }

    private static func json(_ tokens: [Token]) throws -> String {
        let objects: [[String: String?]] = tokens.map { ["text": $0.text, "class": $0.kind] }
        let data = try JSONSerialization.data(withJSONObject: objects.map { object in object.mapValues { $0 ?? NSNull() as Any } }, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
