/// The parser's low-level reads. Tag names stop at the first character outside the name alphabet, then
/// blanks, then the closing delimiter must follow.
extension MustacheParser {
    private static let nameBytes = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*()".utf8)
    private static let partialNameBytes = nameBytes.union([UInt8(ascii: "/")])

    /// Spaces and tabs at the position.
    mutating func readBlanks() -> [UInt8] {
        let start = position
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
            position += 1
        }
        return Array(bytes[start..<position])
    }

    /// Text up to a newline (left unread) or an opening delimiter (read; `tagStart` is its offset, else -1).
    mutating func readText(_ state: State) -> (text: [UInt8], tagStart: Int) {
        let start = position
        let first = state.open[0]
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") { return (Array(bytes[start..<position]), -1) }
            if byte == first, hasPrefix(state.open, at: position) {
                let tagStart = position
                position += state.open.count
                return (Array(bytes[start..<tagStart]), tagStart)
            }
            position += 1
        }
        return (Array(bytes[start..<position]), -1)
    }

    /// Whether the tag just read stands alone on its line; if so its blanks and newline are read.
    mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if position >= bytes.count { return true }
        var next = position
        while next < bytes.count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") { next += 1 }
        if next < bytes.count, bytes[next] == UInt8(ascii: "\n") {
            position = next + 1
            return true
        }
        if next + 1 < bytes.count, bytes[next] == UInt8(ascii: "\r"), bytes[next + 1] == UInt8(ascii: "\n") {
            position = next + 2
            return true
        }
        return false
    }

    mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains(bytes[position]) { position += 1 }
    }

    /// A variable or section name with its transforms, and the closing delimiter.
    mutating func readName(_ state: State) throws(MustacheSyntaxError) -> MustacheName {
        let start = position
        let written = try readWord(Self.nameBytes, state)
        // `{{}}` names nothing (and would look up a path with no first step).
        guard !written.isEmpty else { throw error(.unfinishedTag, at: start) }
        guard let open = written.firstIndex(of: "(") else { return MustacheName(written, name: written, transforms: []) }
        // `a(b(name))`: transforms outside in, then the name, then as many `)` as there were `(`.
        var transforms = [String(written[..<open])]
        var rest = written[written.index(after: open)...]
        while true {
            let word = rest.prefix { $0 != "(" && $0 != ")" }
            rest = rest.dropFirst(word.count)
            if rest.first == "(" {
                transforms.append(String(word))
                rest = rest.dropFirst()
            } else if rest.first == ")", rest.allSatisfy({ $0 == ")" }), rest.count == transforms.count {
                return MustacheName(written, name: String(word), transforms: transforms)
            } else {
                throw error(.unfinishedTag, at: position)
            }
        }
    }

    /// A partial or parent name (may contain `/`), and the closing delimiter.
    mutating func readPartialName(_ state: State) throws(MustacheSyntaxError) -> String {
        try readWord(Self.partialNameBytes, state)
    }

    private mutating func readWord(_ alphabet: Set<UInt8>, _ state: State) throws(MustacheSyntaxError) -> String {
        skipWhitespace()
        let start = position
        while position < bytes.count, alphabet.contains(bytes[position]) { position += 1 }
        let word = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        guard hasPrefix(state.close, at: position) else { throw error(.unfinishedTag, at: position) }
        position += state.close.count
        return word
    }

    /// `{{! … }}`: everything up to the closing delimiter.
    mutating func skipComment(_ state: State) throws(MustacheSyntaxError) {
        while position < bytes.count {
            if hasPrefix(state.close, at: position) {
                position += state.close.count
                return
            }
            position += 1
        }
        throw error(.unfinishedTag, at: position)
    }

    /// `{{=<% %>=}}`: two delimiters separated by blanks, then `=` and the current closing delimiter.
    mutating func setDelimiters(_ state: inout State) throws(MustacheSyntaxError) {
        let start = position
        skipWhitespace()
        let open = readUntil { Self.isSpace($0) }
        skipWhitespace()
        let close = readUntil { $0 == UInt8(ascii: "=") || Self.isSpace($0) }
        skipWhitespace()
        guard !open.isEmpty, !close.isEmpty, position < bytes.count, bytes[position] == UInt8(ascii: "="),
              hasPrefix(state.close, at: position + 1) else {
            throw error(.invalidSetDelimiter, at: start)
        }
        position += 1 + state.close.count
        state.open = open
        state.close = close
        state.parentTopLevel = false
    }

    /// `{{% CONTENT_TYPE: HTML }}` or `TEXT`: whether the rest of the template is HTML.
    mutating func readPragma(_ state: State) throws(MustacheSyntaxError) -> Bool {
        let start = position
        skipWhitespace()
        let variable = readUntil { !Self.nameBytes.contains($0) || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error(.invalidPragma, at: start) }
        position += 1
        skipWhitespace()
        let value = readUntil { !Self.nameBytes.contains($0) || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }
        skipWhitespace()
        guard hasPrefix(state.close, at: position), variable == Array("CONTENT_TYPE".utf8),
              value == Array("HTML".utf8) || value == Array("TEXT".utf8) else {
            throw error(.invalidPragma, at: start)
        }
        position += state.close.count
        return value == Array("HTML".utf8)
    }

    private mutating func readUntil(_ stop: (UInt8) -> Bool) -> [UInt8] {
        let start = position
        while position < bytes.count, !stop(bytes[position]) { position += 1 }
        return Array(bytes[start..<position])
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains(byte)
    }

    func hasPrefix(_ prefix: [UInt8], at offset: Int) -> Bool {
        guard offset + prefix.count <= bytes.count else { return false }
        for index in prefix.indices where bytes[offset + index] != prefix[index] { return false }
        return true
    }

    /// The error at a byte offset, as a 1-based line and column (in characters).
    func error(_ kind: MustacheSyntaxError.Kind, at offset: Int) -> MustacheSyntaxError {
        let prefix = bytes[..<min(offset, bytes.count)]
        let lineStart = prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let line = prefix.count { $0 == UInt8(ascii: "\n") } + 1
        let column = String(decoding: bytes[lineStart..<prefix.endIndex], as: UTF8.self).count + 1
        return MustacheSyntaxError(kind, line: line, column: column)
    }
}
