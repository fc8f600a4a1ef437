/// Builds a site again and again as its files change (`sitegen serve`), reusing every parsed file,
/// rendered page and feed whose inputs are unchanged. Each result equals `SiteBuilder.build` of the same
/// tree, byte for byte; a failed build keeps the caches of the last good one.
public struct IncrementalBuilder: Sendable {
    public let options: BuildOptions
    private var caches = BuildCaches()

    /// Output paths of the pages and feeds the last successful build rendered afresh.
    public var lastRendered: Set<String> { caches.render.rendered }

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Paths changed since the last successful build; nil when unknown (before the first, or after
    /// `forgetChanges`), which makes the next build run every stage.
    private var pending: Set<String>?
    /// Whether the last successful build was a `ContentEdit`.
    private(set) var usedContentEdit = false

    /// The built site; throws `BuildFailure` with every diagnostic when any is an error. `changed` lists
    /// every root-relative path whose bytes differ from the previous call's tree (nil: unknown); with it,
    /// an edit of articles that keeps the site's shape re-renders only what shows them (`ContentEdit`).
    public mutating func build(_ tree: SourceTree, changed: Set<String>? = nil) async throws -> BuildOutput {
        pending = changed.flatMap { changed in pending?.union(changed) }
        // Held only here while building, so that a `ContentEdit` updates its tables in place.
        var caches = self.caches
        self.caches = BuildCaches()
        if let paths = pending, let output = await ContentEdit(options: options).apply(tree, changed: paths, to: &caches) {
            self.caches = caches
            pending = []
            usedContentEdit = true
            return output
        }
        do {
            let (output, built) = try await SiteBuilder(options: options).build(tree, caches: caches)
            self.caches = built
            pending = []
            usedContentEdit = false
            return output
        } catch {
            self.caches = caches
            throw error
        }
    }

    /// Makes the next build run every stage: the tree changed in ways not reported to `build`.
    public mutating func forgetChanges() {
        pending = nil
    }
}
