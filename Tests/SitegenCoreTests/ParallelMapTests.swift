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
}
