import PropertyBased
import Testing
@testable import SitegenCore

@Suite("Arrays rearranged by moves")
struct ArrayMovingTests {
    @Test("property: permute(to:) puts at each index the element that was at order's entry for it")
    func permuteFollowsTheOrder() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0..<1000).array(of: 0...40)) { keys in
            let order = keys.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
            // Strings, so that a copy left behind or an element dropped would show.
            var elements = keys.indices.map { "element \($0)" }
            let expected = order.map { elements[$0] }
            elements.permute(to: order)
            #expect(elements == expected)
        }
    }

    @Test("appendMoving(_:) appends in order and leaves the source empty")
    func appendMovingEmptiesTheSource() {
        var target = ["a", "b"], source = ["c", "d", "e"]
        target.appendMoving(&source)
        #expect(target == ["a", "b", "c", "d", "e"] && source.isEmpty)
    }

    @Test("reverseMoving() reverses")
    func reverseMovingReverses() {
        var elements = ["a", "b", "c", "d"]
        elements.reverseMoving()
        #expect(elements == ["d", "c", "b", "a"])
    }
}
