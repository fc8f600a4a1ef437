import Yams

/// A block of YAML inside a source file (the config, or an article's front matter), read with positions
/// so every problem is reported at its line and column in the file.
struct YAMLBlock {
    let source: SourceText
    let yaml: String
    /// 1-based file line of the YAML's first line.
    let firstLine: Int

    /// The top-level mapping as ordered key/value pairs, or the diagnostics that prevent reading it.
    /// Plain scalars are typed (`bool`, `int`, …; the rest are text) when read: see `Node.tagName`.
    func topLevelMapping(what: String) -> Result<[YAMLEntry], Diagnostic> {
        if let entries = OneLineYAMLMapping.entries(yaml) { return .success(entries) }
        let root: Node?
        do {
            // The encoding named: `Parser.Encoding.default` reads the whole environment on every call.
            root = try Parser(yaml: yaml, resolver: .basic, encoding: .utf8).singleRoot()
        } catch let error as YamlError {
            return .failure(diagnostic(for: error))
        } catch {
            return .failure(source.diagnostic(.error, "YAML error: \(error)", line: firstLine, column: 1))
        }
        guard let root else { return .success([]) }
        guard case .mapping(let mapping) = root else {
            return .failure(diagnostic(.error, "\(what) must be a YAML mapping of `key: value` lines", at: root.mark))
        }
        return .success(mapping.map { YAMLEntry(key: $0.key, value: $0.value) })
    }

    /// A diagnostic at a YAML mark, translated to file coordinates.
    func diagnostic(_ severity: Diagnostic.Severity, _ message: String, at mark: Mark?) -> Diagnostic {
        let line = (mark?.line ?? 1) + firstLine - 1
        return source.diagnostic(severity, message, line: line, column: mark?.column ?? 1)
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            return diagnostic(.error, "YAML syntax error: \(problem)\(detail)", at: mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return diagnostic(.error, "duplicate key '\(duplicates.joined(separator: "', '"))'", at: context.mark)
        case .reader(let problem, _, _, _):
            return source.diagnostic(.error, "YAML error: \(problem)", line: firstLine, column: 1)
        default:
            return source.diagnostic(.error, "YAML error: \(error)", line: firstLine, column: 1)
        }
    }
}

/// One `key: value` pair of a YAML mapping.
struct YAMLEntry {
    let key: Node
    let value: Node
    var name: String { key.scalar?.string ?? "" }
}

extension Node {
    /// The scalar's text when this is a string-like scalar (not a list, mapping or null).
    var text: String? {
        guard case .scalar(let scalar) = self, tagName != .null else { return nil }
        return scalar.string
    }

    /// True for `~`, `null` or an empty value.
    var isNull: Bool {
        if case .scalar = self { return tagName == .null }
        return false
    }

    /// Whether the scalar resolves to a YAML string (quoted, or plain text that is not a number, bool or null).
    var isStringScalar: Bool {
        guard case .scalar = self else { return false }
        return tagName == .str || tagName == .timestamp
    }

    /// A short human name of the node's kind, for "found …" messages.
    var kindDescription: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            switch tagName {
            case .int: return "the number \(scalar.string)"
            case .float: return "the number \(scalar.string)"
            case .bool: return "the boolean \(scalar.string)"
            case .null: return "an empty value"
            default: return "the text '\(scalar.string)'"
            }
        }
    }
}
