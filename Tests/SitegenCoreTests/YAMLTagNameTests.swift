import Foundation
import PropertyBased
import Testing
import Yams
@testable import SitegenCore

/// `YAMLBlock` composes with `Resolver.basic` and types plain scalars when they are read
/// (`Node.tagName`): every value must read exactly as Yams types it with its default resolver.
@Suite("YAML values typed when read")
struct YAMLTagNameTests {
    static let values = ["true", "yes", "Off", "NO", "null", "Null", "~", "''", "12", "-3", "0x1F", "0o7", "0b101", "1_000",
                         "190:20:30", "1.5", ".inf", "-.Inf", ".NaN", "1e+3", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "<<",
                         "=", "keyword", "'true'", "\"12\"", "c++", "[a, 1, true, ~, x]", "{k: 2, j: word}", "!!str 12", "! 12",
                         "!!int '7'", "", "|\n  block\n"]
    static let yaml = values.enumerated().map { "k\($0.offset): \($0.element)" }.joined(separator: "\n") + "\nlist:\n  - 1\n  - one\n  - - null\n"

    /// Every scalar of a tree, in document order, with its tag and how it reads.
    static func scalars(_ node: Node) -> [String] {
        switch node {
        case .scalar(let scalar):
            return ["\(scalar.string)=\(node.tagName.rawValue) \(node.kindDescription) \(node.isNull) \(node.isStringScalar) \(node.bool.map(String.init) ?? "-")"]
        case .mapping(let mapping): return mapping.flatMap { scalars($0.value) }
        case .sequence(let sequence): return sequence.flatMap(scalars)
        case .alias: return ["alias"]
        }
    }

    @Test("every value reads as with Yams' default resolver, at the same place")
    func sameTags() throws {
        let source = try SourceText.decode(Data(Self.yaml.utf8), path: "x.yaml").get()
        let ours = try YAMLBlock(source: source, yaml: source.text, firstLine: 1).topLevelMapping(what: "x").get()
        let yams = try #require(Yams.compose(yaml: Self.yaml)?.mapping)
        #expect(ours.map(\.name) == yams.map { $0.key.string ?? "" })
        #expect(ours.flatMap { Self.scalars($0.value) } == yams.flatMap { Self.scalars($0.value) })
        #expect(ours.map { $0.value.mark?.description } == yams.map { $0.value.mark?.description })
        #expect(ours.first { $0.name == "k8" }?.value.tagName == .int)
        #expect(ours.first { $0.name == "k24" }?.value.tagName == .str)
    }

    @Test("duplicate keys are still an error, at the mapping")
    func duplicates() throws {
        let source = try SourceText.decode(Data("a: 1\nb:\n  c: 2\n  c: 3\n".utf8), path: "x.yaml").get()
        let block = YAMLBlock(source: source, yaml: source.text, firstLine: 3)
        guard case .failure(let diagnostic) = block.topLevelMapping(what: "x") else {
            Issue.record("a duplicate key was accepted")
            return
        }
        #expect(diagnostic.summary == "x.yaml:5:3: error: duplicate key 'c'")
    }

    @Test("property: a scalar typed without the resolver has the type the resolver gives it")
    func plainTags() async {
        let alphabet = Array("-+.0123456789_:~<=eExXoObBaAnNfFiIlLsStTrRuUyY ")
        await propertyCheck(input: Gen.int(in: 0..<alphabet.count).array(of: 0...8)) { picks in
            let text = String(picks.map { alphabet[$0] })
            if let tag = Node.plainTag(text) { #expect(Resolver.default.resolveTag(of: Node(text)) == tag, "\(text)") }
        }
        let words = ["yes", "No", "TRUE", "off", "null", "NULL", "~", "", "word", "a longer text", "é"]
        #expect(words.map { Node.plainTag($0) } == words.map { Resolver.default.resolveTag(of: Node($0)) })
        #expect([".inf", "<<", "=", "12", "-x"].allSatisfy { Node.plainTag($0) == nil })
    }
}
