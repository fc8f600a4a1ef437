import ArgumentParser

/// The `sitegen` command line: a thin shell over SitegenCore.
@main
struct Sitegen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "A fast static-site generator for Markdown blogs.",
        discussion: """
            Run `sitegen build` in a site folder (one with content/, templates/ and public/) to write the site to dist/.
            Run `sitegen new "My first post"` to start an article.
            """,
        version: SitegenVersion.current,
        subcommands: [BuildCommand.self, NewCommand.self, MarkdownCommand.self]
    )
}

enum SitegenVersion {
    static let current = "0.1.0"
}
