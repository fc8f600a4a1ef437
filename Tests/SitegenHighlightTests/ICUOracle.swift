@testable import SitegenHighlight

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
}
