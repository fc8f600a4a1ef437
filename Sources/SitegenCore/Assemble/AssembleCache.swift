/// What one assembly keeps for the next: the related-article lists, which depend only on which articles
/// (in site order) carry which tags and categories.
struct AssembleCache: Sendable {
    struct Key: Sendable, Equatable {
        let tags: [[Int]]
        let categories: [[Int]]
        let limit: Int
    }

    var key: Key?
    var related: [[Int]]?
}
