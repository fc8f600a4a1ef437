import PropertyBased
import Testing
@testable import SitegenCore

@Suite("Parallel map")
struct ParallelMapTests {
    /// Mapped a slice at a time with the same states, the results keep the input's order and each chunk's
    /// state goes on from where the last slice left it.
    @Test(arguments: [nil, 1, 2, 3] as [Int?])
    func statesCarryOverFromSliceToSlice(workers: Int?) async {
        let input = Array(0..<103)
        var states: [Int] = []
        var mapped: [Int] = []
        for slice in input.slices(of: 20) {
            mapped += await Array(slice).parallelMap(workers: workers, states: &states, state: { 0 }) { seen, element in
                seen += 1
                return element * 2
            }
        }
        #expect(mapped == input.map { $0 * 2 })
        // Every element was seen by exactly one state, which kept counting across the slices.
        #expect(states.reduce(0, +) == input.count)
    }

    @Test func anEmptyInputMapsToNothing() async {
        var states: [Int] = []
        let mapped = await [Int]().parallelMap(workers: 2, states: &states, state: { 0 }) { _, element in element }
        #expect(mapped.isEmpty && states.isEmpty)
    }

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
}
