import Yams

/// Reads the YAML nearly every front matter is, one `key: value` line per key, into the nodes Yams would
/// compose from it, tags, styles and marks included, without Yams: composing through libyaml was a twentieth
/// of a large build. Anything else (comments, blank lines, block lists, single quotes, escapes, nesting,
/// duplicate keys) is left to Yams.
///
/// A value is a double-quoted string without `\` or `"`, a flow list of such strings or plain words, or a
/// plain scalar of letters, digits, spaces and `._/+-`. Plain scalars keep Yams's implicit tag, so they
/// resolve (`true`, `2025-01-02`, `12`) as Yams' would (`Node.tagName`).
enum OneLineYAMLMapping {
    /// The mapping's entries in order; nil when `yaml` is not of this simple form.
    static func entries(_ yaml: String) -> [YAMLEntry]? {
        guard marksAreLineAndColumn else { return nil }
        var yaml = yaml
        return yaml.withUTF8 { bytes -> [YAMLEntry]? in
            var reader = LineReader(bytes: bytes)
            var entries: [YAMLEntry] = []
            var keys = Set<String>()
            var start = 0, line = 1
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                guard let entry = reader.entry(start..<end, line: line), keys.insert(entry.name).inserted else { return nil }
                entries.append(entry)
                start = end + 1
                line += 1
            }
            return entries.isEmpty ? nil : entries
        }
    }

    /// Yams makes `Mark`s but offers no initialiser, so they are made from their two fields; should a new
    /// Yams lay `Mark` out otherwise, everything goes to Yams. (Tests compare every mark with Yams's.)
    private static let marksAreLineAndColumn = MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size
        && MemoryLayout<Mark>.offset(of: \Mark.line) == 0 && MemoryLayout<Mark>.offset(of: \Mark.column) == MemoryLayout<Int>.stride

    private struct LineReader {
        let bytes: UnsafeBufferPointer<UInt8>
        /// The line being read: its first byte, for columns.
        private var lineStart = 0
        private var line = 0

        /// One for every tag, as a Yams parser shares one: `Constructor.default` makes a new constructor, with
        /// its tables, on every call, which cost more than the rest of reading a front matter.
        private let constructor = Constructor.default

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        /// `key: value`, or nil when the line is not of the simple form.
        mutating func entry(_ range: Range<Int>, line: Int) -> YAMLEntry? {
            (lineStart, self.line) = (range.lowerBound, line)
            var position = range.lowerBound
            guard position < range.upperBound, bytes[position].isASCIILetter || bytes[position] == UInt8(ascii: "_") else { return nil }
            while position < range.upperBound, Self.isKeyByte(bytes[position]) { position += 1 }
            let key = plainScalar(range.lowerBound..<position)
            guard position + 1 < range.upperBound, bytes[position] == UInt8(ascii: ":"), bytes[position + 1] == UInt8(ascii: " ") else { return nil }
            position = skipSpaces(from: position + 1, to: range.upperBound)
            guard position < range.upperBound, let (value, end) = value(at: position, before: range.upperBound),
                  skipSpaces(from: end, to: range.upperBound) == range.upperBound else { return nil }
            return YAMLEntry(key: key, value: value)
        }

        /// A value starting at `position` and where it ends.
        private func value(at position: Int, before end: Int) -> (Node, Int)? {
            switch bytes[position] {
            case UInt8(ascii: "\""): return quoted(at: position, before: end)
            case UInt8(ascii: "["): return list(at: position, before: end)
            default:
                let plainEnd = plain(from: position, to: end)
                return plainEnd > position ? (plainScalar(position..<plainEnd), plainEnd) : nil
            }
        }

        /// `"text"` without escapes, line breaks or characters YAML does not print.
        private func quoted(at position: Int, before end: Int) -> (Node, Int)? {
            var index = position + 1
            while index < end, bytes[index] != UInt8(ascii: "\"") {
                guard Self.isPrintable(bytes, at: index) else { return nil }
                index += 1
            }
            guard index < end else { return nil }
            let text = String(decoding: bytes[(position + 1)..<index], as: UTF8.self)
            return (.scalar(.init(text, Tag(.str, .default, constructor), .doubleQuoted, mark(position))), index + 1)
        }

        /// `[item, item]` of quoted strings and plain words.
        private func list(at position: Int, before end: Int) -> (Node, Int)? {
            var items: [Node] = []
            var index = skipSpaces(from: position + 1, to: end)
            if index < end, bytes[index] == UInt8(ascii: "]") { return (sequence(items, at: position), index + 1) }
            while index < end {
                if bytes[index] == UInt8(ascii: "\"") {
                    guard let (item, after) = quoted(at: index, before: end) else { return nil }
                    items.append(item)
                    index = skipSpaces(from: after, to: end)
                } else {
                    let wordEnd = plain(from: index, to: end)
                    guard wordEnd > index else { return nil }
                    items.append(plainScalar(index..<wordEnd))
                    index = skipSpaces(from: wordEnd, to: end)
                }
                guard index < end else { return nil }
                if bytes[index] == UInt8(ascii: "]") { return (sequence(items, at: position), index + 1) }
                guard bytes[index] == UInt8(ascii: ",") else { return nil }
                index = skipSpaces(from: index + 1, to: end)
            }
            return nil
        }

        /// The end of a plain scalar from `start` (trailing spaces excluded): it starts with a letter or digit
        /// and holds letters, digits, spaces and `._/+-`.
        private func plain(from start: Int, to end: Int) -> Int {
            guard start < end, bytes[start].isASCIILetter || bytes[start].isASCIIDigit else { return start }
            var index = start, last = start
            while index < end, Self.isPlainByte(bytes[index]) {
                if bytes[index] != UInt8(ascii: " ") { last = index + 1 }
                index += 1
            }
            return last
        }

        /// A plain scalar: its tag is resolved from its text when asked, as Yams does.
        private func plainScalar(_ range: Range<Int>) -> Node {
            .scalar(.init(String(decoding: bytes[range], as: UTF8.self), Tag(.implicit, .default, constructor), .plain, mark(range.lowerBound)))
        }

        /// A flow list; with the style Yams gives it (it reads the style from the list's end, which has none).
        private func sequence(_ items: [Node], at position: Int) -> Node {
            .sequence(.init(items, Tag(.implicit, .default, constructor), .any, mark(position)))
        }

        /// libyaml counts columns in characters, not bytes.
        private func mark(_ position: Int) -> Mark {
            unsafeBitCast((line, 1 + bytes[lineStart..<position].count { $0 & 0xC0 != 0x80 }), to: Mark.self)
        }

        private func skipSpaces(from start: Int, to end: Int) -> Int {
            var index = start
            while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
            return index
        }

        private static func isKeyByte(_ byte: UInt8) -> Bool {
            byte.isASCIILetter || byte.isASCIIDigit || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }

        private static func isPlainByte(_ byte: UInt8) -> Bool {
            byte.isASCIILetter || byte.isASCIIDigit || " ._/+-".utf8.contains(byte)
        }

        /// Whether the character at `index` may stand in a double-quoted scalar as it is: printable, not a
        /// line break (NEL, LS, PS), not a byte-order mark, and not `\` or `"`.
        private static func isPrintable(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
            let byte = bytes[index]
            if byte < 0x80 { return byte >= 0x20 && byte != 0x7F && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "\"") }
            guard byte & 0xC0 == 0xC0 else { return true }
            func next(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
            switch byte {
            case 0xC2: return next(1) >= 0xA0
            case 0xE2: return !(next(1) == 0x80 && (next(2) == 0xA8 || next(2) == 0xA9))
            case 0xEF: return !(next(1) == 0xBB && next(2) == 0xBF) && !(next(1) == 0xBF && next(2) >= 0xBE)
            default: return true
            }
        }
    }
}
