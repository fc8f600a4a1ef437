/// Where a match may start, as a set over what is at that position: one of the 128 ASCII units, any
/// unit beyond ASCII (all of them alike), or the end of the line. Always a superset of the truth: a rule
/// is only skipped at a position its set does not contain.
struct StartSet: Sendable, Hashable {
    /// ASCII units 0–63 and 64–127, one bit each.
    private(set) var low: UInt64 = 0
    private(set) var high: UInt64 = 0
    /// Any UTF-16 unit from 0x80 up (including surrogates).
    var nonASCII = false
    /// The end of the line (only an empty match can start there).
    var end = false

    /// Nothing: the pattern cannot match there at all.
    static let none = StartSet()
    /// Every position.
    static let any = StartSet(low: .max, high: .max, nonASCII: true, end: true)
    /// Every unit, but not the end: something that consumes one character.
    static let anyUnit = StartSet(low: .max, high: .max, nonASCII: true, end: false)

    init() {}

    /// The given ASCII units; `nonASCII` for the rest.
    init(ascii units: some Sequence<UInt8>, nonASCII: Bool = false) {
        for unit in units { insert(unit) }
        self.nonASCII = nonASCII
    }

    init(nonASCII: Bool) {
        self.nonASCII = nonASCII
    }

    private init(low: UInt64, high: UInt64, nonASCII: Bool, end: Bool) {
        self.low = low
        self.high = high
        self.nonASCII = nonASCII
        self.end = end
    }

    var isAny: Bool { self == .any }

    /// Whether a match may start before the UTF-16 `unit`.
    func contains(unit: UInt16) -> Bool {
        if unit >= 128 { return nonASCII }
        return unit < 64 ? low & (1 << unit) != 0 : high & (1 << (unit - 64)) != 0
    }

    mutating func insert(_ unit: UInt8) {
        if unit >= 128 {
            nonASCII = true
        } else if unit < 64 {
            low |= 1 << unit
        } else {
            high |= 1 << (unit - 64)
        }
    }

    /// ASCII units from `first` through `last`.
    mutating func insert(_ first: UInt8, through last: UInt8) {
        guard first <= last else { return }
        for unit in first...last { insert(unit) }
    }

    func union(_ other: StartSet) -> StartSet {
        StartSet(low: low | other.low, high: high | other.high, nonASCII: nonASCII || other.nonASCII, end: end || other.end)
    }

    func intersection(_ other: StartSet) -> StartSet {
        StartSet(low: low & other.low, high: high & other.high, nonASCII: nonASCII && other.nonASCII, end: end && other.end)
    }

    /// The ASCII units not in the set, and every unit beyond ASCII (never the end).
    func complementingUnits() -> StartSet {
        StartSet(low: ~low, high: ~high, nonASCII: true, end: false)
    }

    /// With both cases of every ASCII letter, and any unit beyond ASCII (which may fold to ASCII, such as
    /// the Kelvin sign, or start a folded run, such as `ß` for `ss`).
    func caseClosed() -> StartSet {
        var closed = self
        for unit in UInt8(ascii: "A")...UInt8(ascii: "Z") where contains(unit: UInt16(unit)) || contains(unit: UInt16(unit + 32)) {
            closed.insert(unit)
            closed.insert(unit + 32)
        }
        closed.nonASCII = true
        return closed
    }
}
