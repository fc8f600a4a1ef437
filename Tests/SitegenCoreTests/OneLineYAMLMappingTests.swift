import PropertyBased
import Testing
import Yams
@testable import SitegenCore

@Suite("One-line YAML mappings")
struct OneLineYAMLMappingTests {
    /// Characters a quoted or plain value may hold as it is.
    static let safe = Array("abcXYZ019 .,:#'-_/+&*!|>%@`[]{}é日😀")
    /// Characters that send a value to Yams, or that YAML does not allow.
    static let unsafe = Array("\"\\\t\u{85}\u{2028}\u{FEFF}\u{7F}")
    static let keys = ["title", "date", "tags", "draft", "image_alt", "a-b", "x"]
    /// Plain values that resolve to other tags than `str`.
    static let resolved = ["true", "12", "2025-01-02", "null", "1.5", "yes", "Off", "0x1F"]

    /// One line from `picks`: a key, then a quoted string, a plain scalar or a flow list, with varied spacing.
    static func line(_ picks: [Int], number: Int, characters: [Character], uniqueKeys: Bool) -> String {
        func pick(_ index: Int) -> Int { picks.isEmpty ? 0 : picks[index % picks.count] }
        func text(_ from: Int) -> String { String(picks.dropFirst(from).map { characters[$0 % characters.count] }) }
        func word(_ from: Int) -> String {
            let body = picks.dropFirst(from).map { Array("ab9 ._/+-")[$0 % 9] }
            return String(Array("aZ7")[pick(from) % 3]) + String(body)
        }
        let key = Self.keys[pick(0) % Self.keys.count] + (uniqueKeys ? "\(number)" : "")
        let space = String(repeating: " ", count: 1 + pick(1) % 2), trailing = String(repeating: " ", count: pick(2) % 2)
        let value: String
        switch pick(3) % 4 {
        case 0: value = "\"" + text(4) + "\""
        case 1: value = word(4)
        case 2:
            let items = picks.dropFirst(4).enumerated().map { offset, item in
                item % 2 == 0 ? "\"" + String(text(4 + offset + 1).prefix(3)) + "\"" : String(word(4 + offset).prefix(4))
            }
            value = "[" + items.joined(separator: pick(5) % 2 == 0 ? ", " : " ,") + "]"
        default: value = Self.resolved[pick(4) % Self.resolved.count]
        }
        return key + ":" + space + value + trailing
    }

    /// Every node as text: string, resolved tag, style and mark, items in order.
    static func shape(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            return "scalar(\(scalar.string.debugDescription) \(node.tag) \(scalar.style) \(scalar.mark?.description ?? "-"))"
        case .sequence(let sequence):
            return "list(\(node.tag) \(sequence.style) \(sequence.mark?.description ?? "-") [\(sequence.map(shape).joined(separator: ", "))])"
        case .mapping: return "mapping"
        case .alias: return "alias"
        }
    }

    static func shapes(_ entries: [YAMLEntry]) -> [String] {
        entries.map { shape($0.key) + ": " + shape($0.value) }
    }

    static func yams(_ yaml: String) -> [String]? {
        guard case .mapping(let mapping)? = try? Yams.compose(yaml: yaml) else { return nil }
        return shapes(mapping.map { YAMLEntry(key: $0.key, value: $0.value) })
    }

    @Test("reads every simple front matter, node for node as Yams composes it")
    func simpleMatchesYams() async {
        await propertyCheck(count: 1000, input: Gen.int(in: 0..<500).array(of: 0...10).array(of: 1...6)) { lines in
            let yaml = lines.enumerated().map { Self.line($1, number: $0, characters: Self.safe, uniqueKeys: true) + "\n" }.joined()
            guard let fast = OneLineYAMLMapping.entries(yaml) else {
                Issue.record("not read: \(yaml.debugDescription)")
                return
            }
            #expect(Self.shapes(fast) == Self.yams(yaml), "\(yaml.debugDescription)")
        }
    }

    @Test("leaves to Yams what it cannot read as Yams would, and never reads what Yams rejects")
    func anythingElseGoesToYams() async {
        let extra = [
            "# comment", "", "- item", "key: 'single'", "key: \"a\\nb\"", "  nested: 1", "key:", "k: a # note", "k: [a, b", "k: \"open",
            "k: -3", "k: ~", "k: .inf", "k: [a, ]", "k: {a: 1}", "k: a: b",
        ]
        await propertyCheck(count: 1000, input: Gen.int(in: 0..<500).array(of: 0...10).array(of: 1...6)) { lines in
            let yaml = lines.enumerated().map { number, picks in
                (picks.first ?? 0) % 5 == 0 ? extra[(picks.last ?? 0) % extra.count]
                    : Self.line(picks, number: number, characters: Self.safe + Self.unsafe, uniqueKeys: false)
            }.map { $0 + "\n" }.joined()
            let yams = Self.yams(yaml)
            guard let fast = OneLineYAMLMapping.entries(yaml) else { return }
            #expect(Self.shapes(fast) == yams, "\(yaml.debugDescription)")
        }
    }

    @Test("counts columns in characters, as libyaml does")
    func columnsInCharacters() throws {
        let entries = try #require(OneLineYAMLMapping.entries("tags: [\"é日😀\", b]\n"))
        let items = try #require(entries.first?.value.sequence)
        #expect(items.map { $0.mark?.description } == ["1:8", "1:15"])
    }
}
