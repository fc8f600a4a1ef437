import Foundation
import SitegenHighlight

/// Work kept from one build for the next: parsed files and rendered pages and feeds, each with the inputs
/// it came from, so only what changed is done again.
struct BuildCaches: Sendable {
    /// The templates as read and as compiled, with the highlighting languages among them.
    struct Templates: Sendable {
        let source: [String: Data]
        let compiled: (TemplateRenderer?, [Diagnostic])
        let languages: (Highlighter?, [Grammar], [Diagnostic])

        init(source: [String: Data]) {
            self.source = source
            compiled = TemplateRenderer.make(templates: source)
            languages = LanguageParser.highlighter(templates: source)
        }
    }

    var templates: Templates?
    var parse = ParseCache()
    var assemble = AssembleCache()
    var render = RenderCache()
    /// The last successful build; nil until there is one.
    var last: LastBuild?
}
