/// What the caller decides about one build; everything else comes from the source tree.
public struct BuildOptions: Sendable, Hashable {
    /// Publish articles marked `draft: true`.
    public var includeDrafts: Bool
    /// Publish articles dated after `now`.
    public var includeFuture: Bool
    /// "Now" in seconds since 1970, for leaving out future-dated articles: the clock, or `SOURCE_DATE_EPOCH`.
    public var now: Int
    /// Overrides `base_url` from the config (for preview builds).
    public var baseURL: String?
    /// Marks the build as a preview (banner, `noindex`, a `robots.txt` that disallows everything);
    /// nil leaves it to the config's `preview`.
    public var preview: Bool?
    /// Shown in the preview banner, e.g. a commit or a pull request; implies a preview.
    public var previewLabel: String?
    /// How many workers per-item work is spread over; nil for all cores. The output is the same either way.
    public var workers: Int?

    public init(
        includeDrafts: Bool = false, includeFuture: Bool = false, now: Int, baseURL: String? = nil,
        preview: Bool? = nil, previewLabel: String? = nil, workers: Int? = nil
    ) {
        self.workers = workers
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.now = now
        self.baseURL = baseURL
        self.preview = preview
        self.previewLabel = previewLabel
    }
}
