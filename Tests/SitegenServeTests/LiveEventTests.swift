import Testing
@testable import SitegenServe

@Suite("Live events")
struct LiveEventTests {
    @Test("events compare by their content")
    func equality() {
        #expect(LiveEvent.reload(changed: ["/a/"]) == .reload(changed: ["/a/"]))
        #expect(LiveEvent.reload(changed: ["/a/"]) != .failed([]))
    }
}
