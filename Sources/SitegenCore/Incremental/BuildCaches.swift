import Foundation

/// Work kept from one build for the next: parsed files and rendered pages and feeds, each with the inputs
/// it came from, so only what changed is done again.
struct BuildCaches: Sendable {
    /// The templates as read and as compiled.
    struct Templates: Sendable {
        let source: [String: Data]
        let compiled: (TemplateRenderer?, [Diagnostic])
    }

    var templates: Templates?
    var parse = ParseCache()
    var assemble = AssembleCache()
    var render = RenderCache()
}
