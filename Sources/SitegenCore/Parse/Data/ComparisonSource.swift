/// A comparison as read from its file, with what resolving it against the articles still needs.
struct ComparisonSource: Sendable {
    var comparison: Comparison
    /// `content/data/comparisons/<id>.yaml`
    var path: String
    /// `options_from: {tag: …}` or `{category: …}`: the columns are the articles filed there.
    var optionsFrom: OptionsFrom?
    /// Where each criterion starts (by criterion id), for problems found when resolving.
    var criterionPositions: [String: FilePosition]

    struct OptionsFrom: Sendable, Hashable {
        var kind: TermKind
        var name: String
        var position: FilePosition
    }
}
