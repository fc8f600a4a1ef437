/// Work kept from one build for the next: parsed files and rendered pages and feeds, each with the inputs
/// it came from, so only what changed is done again.
struct BuildCaches: Sendable {
    var parse = ParseCache()
    var assemble = AssembleCache()
    var render = RenderCache()
}
