/// Turns template source into nodes, with the Mustache spec's whitespace rules: a line that holds only a
/// section, comment, partial, block or delimiter tag (and blanks) leaves nothing in the output.
struct MustacheParser {
    let bytes: [UInt8]
    var position = 0

    /// What the parser is inside of; copied into nested sections, as the rules are per nesting level.
    struct State {
        /// The open section: its name as written and where its tag starts.
        var section: (name: String, offset: Int)?
        /// At the start of a line (only blanks since the last newline or standalone tag).
        var newLine = true
        /// Inside a `{{<parent}}` tag.
        var inParent = false
        /// Directly inside a `{{<parent}}` tag, where only block overrides count.
        var parentTopLevel = false
        /// Inside a parent: the blanks of the first line, removed from the lines after it.
        var parentIndent: Int?
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)

        func entering(_ name: String, at offset: Int, newLine: Bool) -> State {
            var state = self
            state.section = (name, offset)
            state.parentTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func enteringParent(_ name: String, at offset: Int) -> State {
            var state = self
            state.section = (name, offset)
            state.newLine = true
            state.inParent = true
            state.parentTopLevel = true
            return state
        }
    }

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    mutating func parse() throws(MustacheSyntaxError) -> [MustacheNode] {
        try parse(State())
    }

    // One loop per nesting level, as the tag kinds share the line bookkeeping.
    // swiftlint:disable:next function_body_length cyclomatic_complexity
    private mutating func parse(_ initial: State) throws(MustacheSyntaxError) -> [MustacheNode] {
        var nodes: [MustacheNode] = []
        var state = initial
        var blanks: [UInt8] = []
        func flushBlanks() {
            if !blanks.isEmpty { nodes.append(.text(blanks)) }
            blanks = []
        }
        while position < bytes.count {
            if state.newLine {
                let lineBlanks = readBlanks()
                if state.inParent && !state.parentTopLevel {
                    if let indent = state.parentIndent {
                        blanks = Array(lineBlanks.dropFirst(indent))
                    } else {
                        state.parentIndent = lineBlanks.count
                    }
                } else {
                    blanks = lineBlanks
                }
            }
            let (text, tagStart) = readText(state)
            if position < bytes.count, bytes[position] == UInt8(ascii: "\n"), tagStart < 0 {
                nodes.append(.text(blanks + text + [UInt8(ascii: "\n")]))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(blanks + text))
                blanks = []
                state.newLine = false
            }
            guard tagStart >= 0, position < bytes.count else { break }
            var standalone = false
            let sigil = bytes[position]
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                position += 1
                let name = try readName(state)
                standalone = isStandalone(state)
                if !standalone { flushBlanks() }
                let children = try parse(state.entering(name.written, at: tagStart, newLine: standalone))
                nodes.append(.section(name, children, inverted: sigil == UInt8(ascii: "^")))
            case UInt8(ascii: "/"):
                position += 1
                let nameStart = position
                let name = try readName(state)
                guard let open = state.section, open.name == name.written else {
                    throw error(.closingTagMismatch(expected: state.section?.name ?? "", found: name.written), at: nameStart)
                }
                if !isStandalone(state) { flushBlanks() }
                return nodes
            case UInt8(ascii: "!"):
                position += 1
                try skipComment(state)
                standalone = isStandalone(state)
            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                flushBlanks()
                position += 1
                let name = try readName(state)
                if sigil == UInt8(ascii: "{") {
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else { throw error(.unfinishedTag, at: position) }
                    position += 1
                }
                nodes.append(.variable(name, escaped: false))
            case UInt8(ascii: ">"):
                position += 1
                skipWhitespace()
                let dynamic = position < bytes.count && bytes[position] == UInt8(ascii: "*")
                if dynamic { position += 1 }
                let name = try readPartialName(state)
                if !blanks.isEmpty { nodes.append(.text(blanks)) }
                standalone = isStandalone(state)
                nodes.append(.partial(MustacheTarget(name, dynamic: dynamic), indentation: standalone ? blanks : nil, overrides: nil))
                blanks = []
            case UInt8(ascii: "<"):
                position += 1
                skipWhitespace()
                let written = try readPartialName(state)
                if !blanks.isEmpty { nodes.append(.text(blanks)) }
                standalone = isStandalone(state)
                let children = try parse(state.enteringParent(written, at: tagStart))
                var overrides: [String: [MustacheNode]] = [:]
                for child in children {
                    switch child {
                    case .text: continue
                    case .blockDefinition(let name, let body): overrides[name] = body
                    default: throw error(.illegalTokenInParent, at: tagStart)
                    }
                }
                let dynamic = written.first == "*"
                nodes.append(.partial(MustacheTarget(dynamic ? String(written.dropFirst()) : written, dynamic: dynamic), indentation: blanks, overrides: overrides))
                blanks = []
            case UInt8(ascii: "$"):
                position += 1
                let nameStart = position
                let name = try readName(state)
                guard name.transforms.isEmpty else { throw error(.transformOnBlock, at: nameStart) }
                if state.parentTopLevel {
                    standalone = isStandalone(state)
                    let children = try parse(state.entering(name.written, at: tagStart, newLine: standalone))
                    nodes.append(.blockDefinition(name.written, children))
                } else {
                    if !blanks.isEmpty { nodes.append(.text(blanks)) }
                    standalone = isStandalone(state)
                    let children = try parse(state.entering(name.written, at: tagStart, newLine: standalone))
                    nodes.append(.block(name.written, default: children, indentation: blanks))
                    blanks = []
                }
            case UInt8(ascii: "="):
                position += 1
                try setDelimiters(&state)
                standalone = isStandalone(state)
            case UInt8(ascii: "%"):
                position += 1
                nodes.append(.contentType(html: try readPragma(state)))
                standalone = isStandalone(state)
            default:
                flushBlanks()
                nodes.append(.variable(try readName(state), escaped: true))
            }
            state.newLine = standalone
        }
        if let open = state.section {
            throw error(.unclosedSection(name: open.name), at: open.offset)
        }
        return nodes
    }
}
