import PropertyBased
import Testing
@testable import SitegenCore

@Suite("Pagination links")
struct PaginationTests {
    @Test("every page up to 9; else the ends and two either side, with gaps")
    func examples() {
        #expect(PageLink.numbers(current: 5, total: 9) == Array(1...9))
        #expect(PageLink.numbers(current: 1, total: 20) == [1, 2, 3, nil, 20])
        #expect(PageLink.numbers(current: 5, total: 20) == [1, 2, 3, 4, 5, 6, 7, nil, 20])
        #expect(PageLink.numbers(current: 10, total: 20) == [1, nil, 8, 9, 10, 11, 12, nil, 20])
        #expect(PageLink.numbers(current: 20, total: 20) == [1, nil, 18, 19, 20])
        #expect(PageLink.numbers(current: 3700, total: 3700) == [1, nil, 3698, 3699, 3700])
    }

    @Test("links the ends and the current page, in order, at most 9 entries, a gap only where numbers are missing")
    func properties() async {
        await propertyCheck(input: Gen.int(in: 1...500), Gen.int(in: 1...500)) { a, b in
            let total = max(a, b), current = min(a, b)
            let entries = PageLink.numbers(current: current, total: total)
            let numbers = entries.compactMap { $0 }
            #expect(numbers.first == 1 && numbers.last == total && numbers.contains(current))
            #expect(numbers == numbers.sorted() && Set(numbers).count == numbers.count)
            #expect(entries.count <= 9)
            for (index, entry) in entries.enumerated() where entry == nil {
                let before = entries[index - 1]!, after = entries[index + 1]!
                #expect(after - before > 2)
            }
        }
    }
}
