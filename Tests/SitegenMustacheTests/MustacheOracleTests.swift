import PropertyBased
import Testing

/// The engine against swift-mustache, which themes were first written for: random well-nested templates
/// (sections, partials, blocks, parents, blanks and newlines in every position) render the same. Only
/// `\n` newlines: swift-mustache does not indent a partial's line after a `\r\n` (a grapheme, not `\n`).
@Suite("Mustache engine agrees with swift-mustache")
struct MustacheOracleTests {
    static let leaves = [
        "{{title}}", "{{{title}}}", "{{&count}}", "{{name}}", "{{#words}}{{.}},{{/words}}", "{{.name}}", "{{page.title}}", "{{page.next.url}}",
        "{{missing}}", "{{count(words)}}", "{{index()}}", "{{ url }}", "{{>item}}", "{{! note }}", " ", "  ", "\t", "\n", "\n", "x", "<&>", "é",
    ]
    static let sections = ["tags", "words", "yes", "no", "none", "page", "count", "empty(none)", "first()", "title", "missing", "reversed(tags)"]
    static let blocks = ["a", "b"]

    /// Ops → template: a leaf, a section or block opened, or the innermost one closed; all closed at the end.
    /// Block overrides take no blocks (`{{$a}}` overridden with `{{$b}}` overridden with `{{$a}}` never ends).
    static func template(_ ops: [Int], leaves: [String] = leaves, withBlocks: Bool = true) -> String {
        var text = "", open: [String] = []
        for op in ops {
            let isBlock = op >= leaves.count + sections.count * 2 && op < leaves.count + sections.count * 2 + Self.blocks.count
            if isBlock && !withBlocks { continue }
            if op < leaves.count {
                text += leaves[op]
            } else if op < leaves.count + sections.count * 2 {
                let index = op - leaves.count
                let name = sections[index / 2]
                text += "{{\(index % 2 == 0 ? "#" : "^")\(name)}}"
                open.append(name)
            } else if isBlock {
                let name = Self.blocks[op - leaves.count - sections.count * 2]
                text += "{{$\(name)}}"
                open.append(name)
            } else if let name = open.popLast() {
                text += "{{/\(name)}}"
            }
        }
        while let name = open.popLast() { text += "{{/\(name)}}" }
        return text
    }

    static var ops: Generator<[Int], some SendableSequenceType> {
        Gen.int(in: 0..<(leaves.count + sections.count * 2 + blocks.count + 3)).array(of: 0...30)
    }

    @Test("templates with partials render the same")
    func partials() async {
        await propertyCheck(count: 2000, input: Self.ops, Self.ops) { main, item in
            let templates = ["main": Self.template(main), "item": Self.template(item, leaves: Self.leaves.filter { $0 != "{{>item}}" })]
            let ours = Engines.ours(templates, MustacheEngineTests.data)
            let oracle = Engines.oracle(templates, MustacheEngineTests.data)
            #expect(ours == oracle, "\(templates)")
            #expect(Engines.ours(templates, MustacheEngineTests.data, isolated: true) == ours, "a worker's copy renders as the library does: \(templates)")
        }
    }

    @Test("parents with block overrides render the same")
    func parents() async {
        let blank = Gen.int(in: 0...3)
        await propertyCheck(count: 2000, input: Self.ops, Self.ops, Self.ops, blank) { base, first, second, spacing in
            let gap = ["", "\n", "  ", " \n"][spacing]
            let leaves = Self.leaves.filter { $0 != "{{>item}}" }
            let main = "{{<base}}\(gap){{$a}}\(Self.template(first, leaves: leaves, withBlocks: false)){{/a}}\(gap){{$b}}\(Self.template(second, leaves: leaves, withBlocks: false)){{/b}}\(gap){{/base}}\(gap)"
            let templates = ["main": main, "base": Self.template(base, leaves: leaves)]
            let ours = Engines.ours(templates, MustacheEngineTests.data)
            let oracle = Engines.oracle(templates, MustacheEngineTests.data)
            #expect(ours == oracle, "\(templates)")
            #expect(Engines.ours(templates, MustacheEngineTests.data, isolated: true) == ours, "a worker's copy renders as the library does: \(templates)")
        }
    }

    /// Text of several lines is one node (`MustacheNode.joiningText`), indented line by line under a
    /// standalone partial: partials of text, blanks, newlines and tags, nested standalone at random
    /// depths of indentation, render as the oracle's per-line tokens do.
    @Test("joined text under indented standalone partials renders the same")
    func indentedText() async {
        let pieces = ["x", "\n", "\n", "  ", "\t", "<&>", "{{title}}", "{{#words}}{{.}}\n{{/words}}", "\n{{>leaf}}\n"]
        let piece = Gen.int(in: 0..<pieces.count).array(of: 0...24)
        let indent = Gen.int(in: 0...3)
        await propertyCheck(count: 2000, input: piece, piece, indent, indent) { outer, inner, first, second in
            let leaf = inner.map { pieces[$0] }.joined().replacingOccurrences(of: "{{>leaf}}", with: "")
            let item = outer.map { pieces[$0] }.joined()
            let templates = [
                "main": "a\n\(String(repeating: " ", count: first)){{>item}}\nb\n",
                "item": item, "leaf": String(repeating: " ", count: second) + leaf,
            ]
            let ours = Engines.ours(templates, MustacheEngineTests.data)
            let oracle = Engines.oracle(templates, MustacheEngineTests.data)
            #expect(ours == oracle, "\(templates)")
        }
    }
}
