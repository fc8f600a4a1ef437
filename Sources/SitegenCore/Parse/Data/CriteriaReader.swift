import Yams

/// Reads a comparison's `criteria:` list: each row's fields and its typed cells.
struct CriteriaReader {
    /// The option ids, in column order.
    let options: [String]
    /// With `options_from` the cells come from articles' `facts:`, so rows carry no `values`.
    let valuesFromArticles: Bool
    /// Where each criterion starts, by id.
    private(set) var positions: [String: FilePosition] = [:]

    init(options: [String], valuesFromArticles: Bool) {
        self.options = options
        self.valuesFromArticles = valuesFromArticles
    }

    mutating func read(_ entry: YAMLEntry, reader: inout YAMLValueReader) -> [Comparison.Criterion] {
        var criteria: [Comparison.Criterion] = []
        let nodes = reader.items(entry)
        if nodes.isEmpty, entry.value.isNull || entry.value.isEmptySequence {
            reader.error("'criteria' is empty: a comparison needs at least one criterion", at: entry.value)
        }
        for node in nodes {
            guard let criterion = criterion(node, reader: &reader) else { continue }
            let position = reader.position(of: node)
            if let first = positions[criterion.id] {
                reader.error("duplicate criterion id '\(criterion.id)' (first used on line \(first.line))", at: node)
                continue
            }
            positions[criterion.id] = position
            criteria.append(criterion)
        }
        return criteria
    }

    private func criterion(_ node: Node, reader: inout YAMLValueReader) -> Comparison.Criterion? {
        guard let entries = reader.entries(node, what: "a criterion") else { return nil }
        var id: String?, name: String?, description: String?, kind: Comparison.Kind?, unit: String?
        var better: (Comparison.Better, Node)?, missingAllowed = false, valuesEntry: YAMLEntry?
        for field in entries {
            switch field.name {
            case "id": id = reader.identifier(field)
            case "name": name = reader.requiredText(field)
            case "description": description = reader.string(field).flatMap { $0.trimmingSpaces.isEmpty ? nil : $0.trimmingSpaces }
            case "kind": kind = self.kind(field, reader: &reader)
            case "better": better = self.better(field, reader: &reader).map { ($0, field.value) }
            case "unit": unit = reader.string(field)
            case "missing": missingAllowed = self.missing(field, reader: &reader)
            case "values": valuesEntry = field
            default: reader.unknownKey(field, known: ComparisonParser.criterionKeys, severity: .error, in: "criteria")
            }
        }
        guard let name else {
            if !entries.contains(where: { $0.name == "name" }) { reader.error("a criterion needs a 'name'", at: node) }
            return nil
        }
        guard let kind else {
            if !entries.contains(where: { $0.name == "kind" }) {
                reader.error("criterion '\(name)' needs a 'kind': rating, yes-no, number or text", at: node)
            }
            return nil
        }
        if let (value, betterNode) = better, !Self.allows(value, kind) {
            reader.error("'better: \(value.rawValue)' does not fit a \(kind.rawValue) criterion (\(Self.betterChoices(kind)))", at: betterNode)
            better = nil
        }
        var criterion = Comparison.Criterion(
            id: id ?? Slug.make(name), name: name, description: description, kind: kind, better: better?.0,
            unit: unit, missingAllowed: missingAllowed, values: [:])
        criterion.values = values(valuesEntry, criterion: criterion, at: node, reader: &reader)
        return criterion
    }

    private func values(_ entry: YAMLEntry?, criterion: Comparison.Criterion, at node: Node, reader: inout YAMLValueReader) -> [String: Comparison.Cell] {
        if valuesFromArticles {
            if let entry { reader.error("'values' cannot be used with 'options_from': each article's `facts:` gives its value", at: entry.key) }
            return [:]
        }
        var cells: [String: Comparison.Cell] = [:]
        var written: Set<String> = []  // options with a value, valid or not: a bad value is reported once
        switch entry?.value {
        case .mapping(let mapping)?:
            for (key, value) in mapping {
                let option = key.scalar?.string ?? ""
                guard options.contains(option) else {
                    reader.error("unknown option '\(option)' in criterion '\(criterion.name)' (options: \(options.joined(separator: ", ")))" + Suggestion.didYouMean(option, in: options), at: key)
                    continue
                }
                written.insert(option)
                cells[option] = cell(value, option: option, criterion: criterion, reader: &reader)
            }
        case .sequence(let sequence)?:
            if sequence.count != options.count {
                reader.error("criterion '\(criterion.name)' lists \(sequence.count) values for \(options.count) options", at: entry!.value)
            }
            for (option, value) in zip(options, sequence) {
                written.insert(option)
                cells[option] = cell(value, option: option, criterion: criterion, reader: &reader)
            }
        case nil, .scalar?:
            if let entry, !entry.value.isNull {
                reader.error("'values' must map option ids to values, found \(entry.value.kindDescription)", at: entry.value)
                return [:]
            }
        case .alias?:
            reader.error("'values' must map option ids to values", at: entry!.value)
            return [:]
        }
        if !criterion.missingAllowed {
            for option in options where !written.contains(option) {
                reader.error("criterion '\(criterion.name)' has no value for option '\(option)' (add one, or set 'missing: allowed')", at: entry?.key ?? node)
            }
        }
        return cells
    }

    private func cell(_ node: Node, option: String, criterion: Comparison.Criterion, reader: inout YAMLValueReader) -> Comparison.Cell? {
        let what = "the value of '\(option)' for '\(criterion.name)'"
        guard let value = reader.dataValue(node, what: what) else { return nil }
        if value.form == .empty, criterion.missingAllowed { return nil }
        switch CellReader.cell(value, kind: criterion.kind) {
        case .success(let cell): return cell
        case .failure(let problem):
            reader.error("\(what) \(problem.message)", at: node)
            return nil
        }
    }

    private func kind(_ field: YAMLEntry, reader: inout YAMLValueReader) -> Comparison.Kind? {
        guard let text = reader.requiredText(field) else { return nil }
        guard let kind = Comparison.Kind(rawValue: text) else {
            let names = Comparison.Kind.allCases.map(\.rawValue)
            reader.error("unknown kind '\(text)': use rating, yes-no, number or text" + Suggestion.didYouMean(text, in: names), at: field.value)
            return nil
        }
        return kind
    }

    private func better(_ field: YAMLEntry, reader: inout YAMLValueReader) -> Comparison.Better? {
        guard let text = field.value.scalar?.string, let better = Comparison.Better(rawValue: text.lowercased()) else {
            reader.error("'better' must be higher or lower (yes or no for a yes-no criterion)", at: field.value)
            return nil
        }
        return better
    }

    private func missing(_ field: YAMLEntry, reader: inout YAMLValueReader) -> Bool {
        switch field.value.scalar?.string.lowercased() {
        case "allowed", "true", "yes": return true
        case "error", "false", "no": return false
        default:
            reader.error("'missing' must be 'allowed'", at: field.value)
            return false
        }
    }

    static func allows(_ better: Comparison.Better, _ kind: Comparison.Kind) -> Bool {
        switch kind {
        case .rating, .number: return better == .higher || better == .lower
        case .yesNo: return better == .yes || better == .no
        case .text: return false
        }
    }

    static func betterChoices(_ kind: Comparison.Kind) -> String {
        switch kind {
        case .rating, .number: return "use higher or lower"
        case .yesNo: return "use yes or no"
        case .text: return "text rows have no best value"
        }
    }
}

extension Node {
    var isEmptySequence: Bool {
        if case .sequence(let sequence) = self { return sequence.isEmpty }
        return false
    }
}
