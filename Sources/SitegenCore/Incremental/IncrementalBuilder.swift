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

    /// The built site; throws `BuildFailure` with every diagnostic when any is an error.
    public mutating func build(_ tree: SourceTree) async throws -> BuildOutput {
        let (output, caches) = try await SiteBuilder(options: options).build(tree, caches: caches)
        self.caches = caches
        return output
    }
}
