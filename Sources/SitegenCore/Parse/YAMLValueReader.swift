import Yams

/// Typed reads of YAML values that collect a diagnostic for each value of the wrong type.
struct YAMLValueReader {
    let block: YAMLBlock
    var diagnostics: [Diagnostic] = []

    init(block: YAMLBlock) {
        self.block = block
    }

    mutating func error(_ message: String, at node: Node) {
        diagnostics.append(block.diagnostic(.error, message, at: node.mark))
    }

    /// Any scalar, as text; nil (with an error) for lists and mappings, nil silently for null.
    mutating func string(_ entry: YAMLEntry) -> String? {
        if entry.value.isNull { return nil }
        guard let text = entry.value.text else {
            error("'\(entry.name)' must be text, found \(entry.value.kindDescription)", at: entry.value)
            return nil
        }
        return text
    }

    mutating func string(_ entry: YAMLEntry, into target: inout String) {
        if let value = string(entry) { target = value }
    }

    mutating func integer(_ entry: YAMLEntry, into target: inout Int, minimum: Int) {
        guard let value = entry.value.int, entry.value.tagName == .int else {
            error("'\(entry.name)' must be a whole number, found \(entry.value.kindDescription)", at: entry.value)
            return
        }
        guard value >= minimum else {
            error("'\(entry.name)' must be at least \(minimum), found \(value)", at: entry.value)
            return
        }
        target = value
    }

    mutating func bool(_ entry: YAMLEntry) -> Bool? {
        guard let value = entry.value.bool, entry.value.tagName == .bool else {
            error("'\(entry.name)' must be true or false, found \(entry.value.kindDescription)", at: entry.value)
            return nil
        }
        return value
    }

    mutating func bool(_ entry: YAMLEntry, into target: inout Bool) {
        if let value = bool(entry) { target = value }
    }

    /// A list of strings, or a single string as a one-element list; each value keeps its node for positions.
    mutating func stringList(_ entry: YAMLEntry) -> [(value: String, node: Node)]? {
        let expected = "'\(entry.name)' must be a list of text values or a single text value"
        switch entry.value {
        case .scalar where entry.value.isNull: return []
        case .scalar where entry.value.isStringScalar: return [(entry.value.text ?? "", entry.value)]
        case .sequence(let sequence):
            var values: [(String, Node)] = []
            for item in sequence {
                guard item.isStringScalar, let text = item.text else {
                    error("\(expected); this item is \(item.kindDescription)", at: item)
                    continue
                }
                values.append((text, item))
            }
            return values
        default:
            error("\(expected), found \(entry.value.kindDescription)", at: entry.value)
            return nil
        }
    }

    /// The entries of a nested mapping; an error when the value is something else.
    mutating func mapping(_ entry: YAMLEntry) -> [YAMLEntry] {
        if entry.value.isNull { return [] }
        guard case .mapping(let mapping) = entry.value else {
            error("'\(entry.name)' must be a mapping, found \(entry.value.kindDescription)", at: entry.value)
            return []
        }
        return mapping.map { YAMLEntry(key: $0.key, value: $0.value) }
    }

    mutating func unknownKey(_ entry: YAMLEntry, known: [String], severity: Diagnostic.Severity, in parent: String?) {
        let qualified = parent.map { "\($0).\(entry.name)" } ?? entry.name
        let message = "unknown key '\(qualified)'" + Suggestion.didYouMean(entry.name, in: known)
        diagnostics.append(block.diagnostic(severity, message, at: entry.key.mark))
    }
}
