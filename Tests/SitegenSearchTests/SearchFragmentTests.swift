import Foundation
import Testing
@testable import SitegenSearch

struct SearchFragmentTests {
    @Test func jsonEscapesAndKeepsOrder() throws {
        let fragment = SearchFragment(
            url: "/blog/a/", title: "Quotes \"and\" \\ slashes", date: "2026-01-02", dateText: "January 2, 2026",
            category: "", description: "tab\there", sections: [.init(anchor: "", heading: "", text: "intro\u{1}"), .init(anchor: "x", heading: "X", text: "naïve")])
        let json = String(decoding: fragment.json(), as: UTF8.self)
        #expect(json == """
            {"url":"/blog/a/","title":"Quotes \\"and\\" \\\\ slashes","date":"2026-01-02","dateText":"January 2, 2026","category":"","description":"tab\\there","sections":[["","","intro\\u0001"],["x","X","naïve"]]}

            """)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(decoded["title"] as? String == fragment.title)
    }
}
