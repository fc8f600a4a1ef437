/// ASCII classes of UTF-8 bytes and UTF-16 units, for the rules matched without the regex engine.
enum ASCII {
    static func isLetterOrDigit<Unit: FixedWidthInteger & UnsignedInteger>(_ unit: Unit) -> Bool {
        unit &- 0x30 < 10 || (unit | 0x20) &- 0x61 < 26
    }

    /// Letters, digits and `_`: the ASCII part of ICU's `\w`.
    static func isWord<Unit: FixedWidthInteger & UnsignedInteger>(_ unit: Unit) -> Bool {
        isLetterOrDigit(unit) || unit == 0x5F
    }

    /// A–Z lower-cased; every other unit as it is.
    static func lowercased<Unit: FixedWidthInteger & UnsignedInteger>(_ unit: Unit) -> Unit {
        unit &- 0x41 < 26 ? unit | 0x20 : unit
    }
}
