import Testing
@testable import SitegenCore

/// A summary is a class, compared by its fields: the render cache reuses a page only when its context,
/// summaries included, equals the one it was rendered from.
@Suite("Article summaries")
struct ArticleSummaryTests {
    private static func summary(
        title: String = "T", url: String = "/t/", description: String = "D", date: String = "2026-01-01",
        category: TermLink? = TermLink(name: "C", url: "/c/"), tags: [TermLink] = [TermLink(name: "x", url: "/x/")],
        readingTime: String = "1 min read", image: ImageView? = nil, draft: Bool = false
    ) -> ArticleSummary {
        ArticleSummary(
            title: title, url: url, description: description, date: DateView(iso: date, display: date), category: category,
            tags: tags, readingTime: readingTime, image: image, draft: draft)
    }

    @Test("equal fields make equal summaries; any field that differs makes them differ")
    func equalityFollowsEveryField() {
        #expect(Self.summary() == Self.summary())
        let variants = [
            Self.summary(title: "U"), Self.summary(url: "/u/"), Self.summary(description: "E"), Self.summary(date: "2026-01-02"),
            Self.summary(category: nil), Self.summary(tags: []), Self.summary(readingTime: "2 min read"),
            Self.summary(image: ImageView(url: "/i.svg", alt: "")), Self.summary(draft: true),
        ]
        for variant in variants { #expect(variant != Self.summary()) }
    }
}
