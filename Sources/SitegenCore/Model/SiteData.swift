/// The site's structured data, published under `/data/` and embedded in articles.
struct SiteData: Sendable {
    /// Sorted by id.
    var comparisons: [Comparison] = []
    /// Sorted by id.
    var decisions: [Decision] = []
    /// Ids of data files that failed to parse (their errors are reported once, at the file).
    var brokenIDs: Set<String> = []
}
