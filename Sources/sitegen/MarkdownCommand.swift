import ArgumentParser
import Foundation
import SitegenMarkdown

/// `sitegen markdown`: Markdown on stdin, the HTML body on stdout, through the site's renderer.
struct MarkdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown",
        abstract: "Render Markdown from standard input to HTML on standard output.",
        discussion: """
            Uses the same renderer and default options as `sitegen build` (GFM extensions, footnotes, \
            smart punctuation, heading anchors; raw HTML omitted). With --commonmark it behaves like plain \
            cmark-gfm: no extension unless named with --extension, nothing added to the HTML.
            """
    )

    @Flag(help: "Plain cmark-gfm behaviour: no extensions, heading ids or smart punctuation.")
    var commonmark = false

    @Option(name: .customLong("extension"), help: "Enable a GFM extension (table, strikethrough, autolink, tagfilter, tasklist, footnotes). Repeatable.")
    var extensions: [String] = []

    @Flag(help: "Keep raw HTML instead of omitting it.")
    var unsafe = false

    func run() throws {
        var options = commonmark ? MarkdownOptions.commonMark : MarkdownOptions.site
        for name in extensions {
            if name == "footnotes" {
                options.footnotes = true
            } else if let ext = MarkdownOptions.Extension(rawValue: name) {
                options.extensions.insert(ext)
            } else {
                throw ValidationError("unknown extension '\(name)'; known: \(MarkdownOptions.Extension.allCases.map(\.rawValue).joined(separator: ", ")), footnotes")
            }
        }
        options.unsafeHTML = unsafe
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let renderer = try MarkdownRenderer(options: options)
        let html = renderer.render(String(decoding: input, as: UTF8.self)).html
        FileHandle.standardOutput.write(Data(html.utf8))
    }
}
