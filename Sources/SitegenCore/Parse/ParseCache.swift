import Foundation
import SitegenHighlight

/// What one parse keeps for the next (`sitegen serve` rebuilds after every save): the front matter of
/// every file and the rendered body of every article, each with the bytes it was read from.
struct ParseCache: Sendable {
    struct Head: Sendable {
        let data: Data
        let head: (ArticleSource?, [Diagnostic])
    }

    struct Body: Sendable {
        let data: Data
        let article: Article
        let diagnostics: [Diagnostic]
    }

    /// Everything a body's rendering depends on besides its own file: when any of it changes, no body is reused.
    struct Surroundings: Sendable, Equatable {
        let resolver: LinkResolver
        let embeds: EmbedResolver
        let config: SiteConfig
        /// The highlighting languages (none when highlighting is off).
        let languages: [Grammar]
    }

    var heads: [String: Head] = [:]
    var bodies: [String: Body] = [:]
    var surroundings: Surroundings?
    /// Whether a comparison takes its columns from articles (`options_from`), so their titles shape the site.
    var tablesFromArticles = false
    /// The next `Article.revision` to hand out.
    var nextRevision = 0
}
