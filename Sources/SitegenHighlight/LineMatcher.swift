/// One scan's view of a line, as UTF-16 units for ICU and as UTF-8 for the tokens' text, and its
/// matchers: each pattern of the grammar is cloned the first time a rule with it is tried, and given the line the first
/// time it is tried on it. Belongs to one scan.
final class LineMatcher {
    private let capacity: Int
    private let units: UnsafeMutablePointer<UInt16>
    /// The line's UTF-8, and per UTF-16 offset (through the end) the UTF-8 offset.
    private let bytes: UnsafeMutablePointer<UInt8>
    private let byteOffsets: UnsafeMutablePointer<Int>
    // A scan's own object, never shared between tasks: the run-time exclusivity checks on its fields cost
    // more than the look-ups they guard, at every position of every line.
    /// The line's length in UTF-16 units.
    @exclusivity(unchecked) private(set) var length = 0
    /// Which line is loaded (counting from 1), and per pattern slot the matcher and the line it was given.
    @exclusivity(unchecked) private var line = 0
    @exclusivity(unchecked) private var matchers: [ICUMatcher?]
    @exclusivity(unchecked) private var lines: [Int]

    /// A matcher for the patterns of `grammar`, in lines of at most `capacity` UTF-16 units.
    init(grammar: CompiledGrammar, capacity: Int) {
        self.capacity = capacity
        units = .allocate(capacity: capacity)
        bytes = .allocate(capacity: 3 * capacity)
        byteOffsets = .allocate(capacity: capacity + 1)
        matchers = Array(repeating: nil, count: grammar.patternCount)
        lines = Array(repeating: 0, count: grammar.patternCount)
    }

    deinit {
        units.deallocate()
        bytes.deallocate()
        byteOffsets.deallocate()
    }

    /// Makes the UTF-8 `text` (whole scalars, at most `capacity` UTF-16 units) the line to match in.
    func load(_ text: UnsafeBufferPointer<UInt8>) {
        precondition(text.count <= 3 * capacity, "a line longer than the scanner takes")
        length = 0
        if let base = text.baseAddress { bytes.update(from: base, count: text.count) }
        var offset = 0
        while offset < text.count {
            if bytes[offset] < 0x80 {
                precondition(length < capacity, "a line longer than the scanner takes")
                units[length] = UInt16(bytes[offset])
                byteOffsets[length] = offset
                length += 1
                offset += 1
                continue
            }
            let (scalar, size) = Self.decode(bytes + offset, lead: bytes[offset])
            for unit in scalar.utf16 {
                precondition(length < capacity, "a line longer than the scanner takes")
                units[length] = unit
                byteOffsets[length] = offset
                length += 1
            }
            offset += size
        }
        byteOffsets[length] = text.count
        line += 1
    }

    /// How many UTF-16 units the UTF-8 `text` (whole scalars) takes: one per scalar, two beyond U+FFFF.
    static func utf16Count(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in text where byte & 0xC0 != 0x80 { count += byte >= 0xF0 ? 2 : 1 }
        return count
    }

    /// The scalar whose UTF-8 starts at `pointer` (valid UTF-8, as a `String`'s is), and its size.
    @inline(__always)
    private static func decode(_ pointer: UnsafeMutablePointer<UInt8>, lead: UInt8) -> (Unicode.Scalar, Int) {
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0xFF >> (size + 1))
        for index in 1..<size { value = value << 6 | UInt32(pointer[index] & 0x3F) }
        return (Unicode.Scalar(value)!, size)
    }

    /// The first match in `state` at or after `offset`, as the joined alternation of the state's rules would
    /// find it: the leftmost position where any rule matches, and there the first rule in order.
    /// The matcher is nil when a native rule decided the match without one.
    func firstMatch(in state: CompiledGrammar.State, from offset: Int) -> (rule: Int, matcher: ICUMatcher?, range: Range<Int>)? {
        var position = offset
        while position <= length {
            let slot = CompiledGrammar.State.slot(before: position < length ? units[position] : nil)
            for next in state.candidateStarts[slot]..<state.candidateStarts[slot + 1] {
                let index = state.candidates[next]
                switch state.nativeMatch(index, in: units, count: length, at: position) {
                case .match(let end)?: return (index, nil, position..<end)
                case .noMatch?: continue
                case .undecided?, nil: break
                }
                // `^` cannot match mid-line unless a line terminator (`\r`, U+2028…) comes just before.
                if state.rules[index].lineAnchored, position > 0, !Self.mayEndLine(units[position - 1]) { continue }
                let matcher = self.matcher(slot: state.rules[index].slot, in: state, rule: index)
                if matcher.matches(at: position), let range = matcher.range(0) { return (index, matcher, range) }
            }
            guard position < length else { return nil }
            position += unitLength(at: position)
        }
        return nil
    }

    /// Whether ICU may count `unit` as a line terminator in multiline mode.
    static func mayEndLine(_ unit: UInt16) -> Bool {
        (0x0A...0x0D).contains(unit) || unit == 0x85 || unit == 0x2028 || unit == 0x2029
    }

    /// The matcher of pattern slot `slot` (that of rule `rule` of `state`), holding the current line.
    private func matcher(slot: Int, in state: CompiledGrammar.State, rule: Int) -> ICUMatcher {
        let matcher: ICUMatcher
        if let existing = matchers[slot] {
            matcher = existing
        } else {
            matcher = state.rules[rule].pattern.matcher()
            matchers[slot] = matcher
        }
        if lines[slot] != line {
            matcher.setText(units, count: length)
            lines[slot] = line
        }
        return matcher
    }

    /// 2 at a surrogate pair, 0 at the end, else 1: how far a search moves past a position.
    func unitLength(at offset: Int) -> Int {
        guard offset < length else { return 0 }
        return (0xD800...0xDBFF).contains(units[offset]) && offset + 1 < length ? 2 : 1
    }

    /// Appends the text of UTF-16 units `range` (which does not split a surrogate pair) to `runs` as `kind`.
    func append(_ range: Range<Int>, _ kind: String?, to runs: inout TokenRuns) {
        let start = byteOffsets[range.lowerBound]
        runs.append(UnsafeBufferPointer(start: bytes + start, count: byteOffsets[range.upperBound] - start), kind)
    }
}
