import Yams

/// Reads shared by the data files (comparisons, decisions) and by articles' `facts:`.
extension YAMLValueReader {
    /// The file position of a node.
    func position(of node: Node) -> FilePosition {
        FilePosition(line: (node.mark?.line ?? 1) + block.firstLine - 1, column: node.mark?.column ?? 1)
    }

    /// A cell value: a scalar, or a mapping with `value` and an optional `note`.
    mutating func dataValue(_ node: Node, what: String) -> DataValue? {
        switch node {
        case .scalar:
            let form: DataValue.Form
            switch node.tagName {
            case .int, .float: form = .number
            case .bool: form = .boolean
            case .null: form = .empty
            default: form = .text
            }
            return DataValue(text: node.scalar?.string ?? "", form: form, position: position(of: node))
        case .mapping(let mapping):
            var value: DataValue?
            var note: String?
            for entry in mapping.map({ YAMLEntry(key: $0.key, value: $0.value) }) {
                switch entry.name {
                case "value": value = dataValue(entry.value, what: what)
                case "note": note = string(entry)
                default: unknownKey(entry, known: ["value", "note"], severity: .error, in: nil)
                }
            }
            guard var value else {
                error("\(what) needs a 'value' (write `{value: …, note: …}`)", at: node)
                return nil
            }
            if value.note == nil { value.note = note }
            return value
        default:
            error("\(what) must be a single value or `{value: …, note: …}`, found \(node.kindDescription)", at: node)
            return nil
        }
    }

    /// The entries of a mapping node; nil (with an error) for anything else.
    mutating func entries(_ node: Node, what: String) -> [YAMLEntry]? {
        guard case .mapping(let mapping) = node else {
            error("\(what) must be a mapping of `key: value` lines, found \(node.kindDescription)", at: node)
            return nil
        }
        return mapping.map { YAMLEntry(key: $0.key, value: $0.value) }
    }

    /// The items of a list; a null value is an empty list.
    mutating func items(_ entry: YAMLEntry) -> [Node] {
        switch entry.value {
        case .sequence(let sequence): return Array(sequence)
        case .scalar where entry.value.isNull: return []
        default:
            error("'\(entry.name)' must be a list, found \(entry.value.kindDescription)", at: entry.value)
            return []
        }
    }

    /// Non-empty text; an error for other kinds of value or empty text.
    mutating func requiredText(_ entry: YAMLEntry) -> String? {
        guard let text = string(entry) else {
            if entry.value.isNull { error("'\(entry.name)' is empty", at: entry.value) }
            return nil
        }
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty { error("'\(entry.name)' is empty", at: entry.value) }
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A link (`#fragment`, site path or URL) as published under `basePath`; nil with an error otherwise.
    mutating func link(_ entry: YAMLEntry, basePath: String) -> String? {
        guard let text = requiredText(entry) else { return nil }
        switch DataLink.resolve(text, basePath: basePath) {
        case .success(let url): return url
        case .failure(let problem):
            error(problem.message, at: entry.value)
            return nil
        }
    }

    /// An id: lowercase letters, digits, `-` and `_`.
    mutating func identifier(_ entry: YAMLEntry) -> String? {
        guard let text = requiredText(entry) else { return nil }
        guard DataID.isValid(text) else {
            error("'\(entry.name)' must be an id of lowercase letters, digits, '-' and '_', found '\(text)'", at: entry.value)
            return nil
        }
        return text
    }
}

/// The ids of one list, to report a repeated one with the line of its first use.
struct UniqueIDs {
    private var lines: [String: Int] = [:]

    /// The line where `id` was first used, or nil when it is new (it is then recorded at `line`).
    mutating func firstUse(of id: String, line: Int) -> Int? {
        if let first = lines[id] { return first }
        lines[id] = line
        return nil
    }
}

/// Ids of data files and of the things inside them.
enum DataID {
    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F }
    }
}
