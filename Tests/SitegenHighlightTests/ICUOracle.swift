@testable import SitegenHighlight
import Testing

/// ICU as the oracle for the rules matched without it.
enum ICUOracle {
    /// Calls `check` at every offset of `line` (through its end) with ICU's match of `pattern` there (nil:
    /// none) and the answer of `native` (given the line's UTF-16 units, their count and the offset).
    static func compare(
        _ pattern: String, caseInsensitive: Bool, line: String,
        native: (UnsafePointer<UInt16>, Int, Int) -> RuleAnswer, check: (Int, Range<Int>?, RuleAnswer) -> Void
    ) {
        let matcher = ICUPattern(pattern, caseInsensitive: caseInsensitive)!.matcher()
        let units = Array(line.utf16)
        units.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
            matcher.setText(base, count: units.count)
            for offset in 0...units.count {
                let icu = matcher.matches(at: offset) ? matcher.range(0) : nil
                check(offset, icu, native(base, units.count, offset))
            }
        }
    }

    /// Expects `native` to answer as ICU does at every offset of `line` where it decides: a match where ICU's
    /// match ends at the same place, no match where ICU has none (or, with `emptyIsNone`, only an empty one).
    /// Where it leaves the decision to ICU, `undecided` is called.
    static func expectAgreement(
        _ pattern: String, caseInsensitive: Bool, line: String, emptyIsNone: Bool = false,
        native: (UnsafePointer<UInt16>, Int, Int) -> RuleAnswer, undecided: () -> Void = {},
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        compare(pattern, caseInsensitive: caseInsensitive, line: line, native: native) { offset, icu, answer in
            let place = "\(pattern) on \(line.debugDescription) at \(offset)"
            switch answer {
            case .match(let end): #expect(icu == offset..<end, "\(place)", sourceLocation: sourceLocation)
            case .noMatch: #expect(icu == nil || (emptyIsNone && icu!.isEmpty), "\(place)", sourceLocation: sourceLocation)
            case .undecided: undecided()
            }
        }
    }
}
