import SitegenText

/// The file `sitegen new "Title"` writes: front matter filled in, marked as a draft.
public struct NewArticle: Sendable, Hashable {
    /// `content/blog/<slug>.md`
    public let path: String
    public let text: String

    /// nil when the title has no letters or digits to make a file name from.
    public init?(title: String, now: Int, author: String) {
        let slug = Slug.make(title)
        guard !slug.isEmpty else { return nil }
        path = "content/blog/\(slug).md"
        let quoting = TextReplacement([("\\", "\\\\"), ("\"", "\\\"")])
        let quotedTitle = quoting.apply(to: title)
        let authorLine = author.isEmpty ? "" : "author: \"\(quoting.apply(to: author))\"\n"
        text = """
            ---
            title: "\(quotedTitle)"
            description: ""
            date: "\(PublishDate(utcDayOf: now).iso)"
            category: ""
            tags: []
            \(authorLine)draft: true
            ---

            Write the introduction here. Remove `draft: true` above to publish.

            ## A first section

            """
    }
}
