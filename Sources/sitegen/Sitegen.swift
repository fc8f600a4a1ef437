import ArgumentParser
import Foundation

/// The `sitegen` command line: a thin shell over SitegenCore.
@main
struct Sitegen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "A fast static-site generator for Markdown blogs.",
        discussion: """
            Run `sitegen build` in a site folder (one with content/, templates/ and public/) to write the site to dist/.
            Run `sitegen new "My first post"` to start an article.
            Exit status: 0 on success, 1 when the site has errors, 2 on a usage error.
            """,
        version: SitegenVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, DiffCommand.self, NewCommand.self, MarkdownCommand.self, HighlightCommand.self]
    )

    /// Like ArgumentParser's, but a usage error exits 2 (as `diff` and `grep` do) instead of 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

enum SitegenVersion {
    static let current = "0.1.0"
}
