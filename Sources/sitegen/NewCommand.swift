import ArgumentParser
import Foundation
import SitegenCore

/// `sitegen new "Title"`: start an article with its front matter filled in.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create content/blog/<slug>.md with front matter filled in (as a draft).",
        discussion: "Refuses to overwrite an existing file. Build with --drafts to see the draft, and remove `draft: true` to publish it."
    )

    @Argument(help: "The article's title.")
    var title: String

    @Option(help: ArgumentHelp("The site folder.", valueName: "dir"))
    var source: String?

    func run() throws {
        let root = URL(fileURLWithPath: source ?? FileManager.default.currentDirectoryPath).standardizedFileURL
        // Only the config is read: the default author is all `new` needs of the site.
        let config = try SiteLoader(root: root).readConfig()
        let author = (try? SiteBuilder.config(of: SourceTree(config: config)).author) ?? ""
        guard let article = NewArticle(title: title, now: try SiteOptions.now(), author: author) else {
            throw ValidationError("the title needs at least one letter or digit to make a file name from")
        }
        let url = root.appendingPathComponent(article.path)
        if FileManager.default.fileExists(atPath: url.path) {
            Console().error("error: \(article.path) already exists; choose another title or edit that file")
            throw ExitCode.failure
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(article.text.utf8).write(to: url, options: .withoutOverwriting)
        Console().out("Created \(article.path)")
    }
}
