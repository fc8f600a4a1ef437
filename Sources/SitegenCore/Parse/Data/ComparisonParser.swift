import Yams

/// Reads a comparison from YAML or JSON (JSON is read as YAML, which keeps positions), checking every field.
struct ComparisonParser {
    let block: YAMLBlock
    let id: String
    let basePath: String

    static let keys = ["title", "caption", "sources", "options", "options_from", "criteria"]
    static let optionKeys = ["id", "name", "link"]
    static let criterionKeys = ["id", "name", "description", "kind", "better", "unit", "missing", "values"]

    func parse() -> (ComparisonSource?, [Diagnostic]) {
        let entries: [YAMLEntry]
        switch block.topLevelMapping(what: "a comparison") {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let value): entries = value
        }
        var reader = YAMLValueReader(block: block)
        var comparison = Comparison(id: id, title: "", caption: nil, sources: [], options: [], criteria: [])
        var optionsFrom: ComparisonSource.OptionsFrom?
        var criteriaEntry: YAMLEntry?
        var sawTitle = false, sawOptions = false
        for entry in entries {
            switch entry.name {
            case "title":
                sawTitle = true
                comparison.title = reader.requiredText(entry) ?? ""
            case "caption": comparison.caption = reader.string(entry).flatMap { $0.trimmingSpaces.isEmpty ? nil : $0.trimmingSpaces }
            case "sources": comparison.sources = reader.items(entry).compactMap { self.source($0, reader: &reader) }
            case "options":
                sawOptions = true
                comparison.options = options(entry, reader: &reader)
            case "options_from": optionsFrom = self.optionsFrom(entry, reader: &reader)
            case "criteria": criteriaEntry = entry
            default: reader.unknownKey(entry, known: Self.keys, severity: .error, in: nil)
            }
        }
        let top = FilePosition(line: block.firstLine, column: 1)
        if !sawTitle { reader.diagnostics.append(block.source.diagnostic(.error, "missing required field 'title'", line: top.line, column: 1)) }
        if sawOptions, let optionsFrom {
            reader.diagnostics.append(block.source.diagnostic(.error, "give either 'options' or 'options_from', not both", line: optionsFrom.position.line, column: optionsFrom.position.column))
        } else if !sawOptions, optionsFrom == nil {
            reader.diagnostics.append(block.source.diagnostic(.error, "missing 'options' (the table's columns) or 'options_from'", line: top.line, column: 1))
        } else if sawOptions, comparison.options.isEmpty, reader.diagnostics.isEmpty {
            reader.diagnostics.append(block.source.diagnostic(.error, "'options' is empty: a comparison needs at least one option", line: top.line, column: 1))
        }
        var positions: [String: FilePosition] = [:]
        if let criteriaEntry {
            var criteria = CriteriaReader(options: comparison.options.map(\.id), valuesFromArticles: optionsFrom != nil)
            comparison.criteria = criteria.read(criteriaEntry, reader: &reader)
            positions = criteria.positions
        } else {
            reader.diagnostics.append(block.source.diagnostic(.error, "missing 'criteria' (the table's rows)", line: top.line, column: 1))
        }
        let source = ComparisonSource(comparison: comparison, path: block.source.path, optionsFrom: optionsFrom, criterionPositions: positions)
        return (reader.diagnostics.hasErrors ? nil : source, reader.diagnostics)
    }

    private func source(_ node: Node, reader: inout YAMLValueReader) -> Comparison.Source? {
        if node.isStringScalar, let url = node.text {
            switch DataLink.resolve(url, basePath: basePath) {
            case .success(let resolved): return Comparison.Source(title: url, url: resolved)
            case .failure(let problem):
                reader.error(problem.message, at: node)
                return nil
            }
        }
        guard let entries = reader.entries(node, what: "a source") else { return nil }
        var title: String?, url: String?
        for entry in entries {
            switch entry.name {
            case "title": title = reader.requiredText(entry)
            case "url": url = reader.link(entry, basePath: basePath)
            default: reader.unknownKey(entry, known: ["title", "url"], severity: .error, in: "sources")
            }
        }
        guard let url else {
            reader.error("a source needs a 'url'", at: node)
            return nil
        }
        return Comparison.Source(title: title ?? url, url: url)
    }

    private func options(_ entry: YAMLEntry, reader: inout YAMLValueReader) -> [Comparison.Option] {
        var options: [Comparison.Option] = []
        var ids = UniqueIDs()
        for node in reader.items(entry) {
            guard let entries = reader.entries(node, what: "an option") else { continue }
            var id: String?, idNode: Node?, name: String?, link: String?
            for field in entries {
                switch field.name {
                case "id": (id, idNode) = (reader.identifier(field), field.value)
                case "name": name = reader.requiredText(field)
                case "link": link = reader.link(field, basePath: basePath)
                default: reader.unknownKey(field, known: Self.optionKeys, severity: .error, in: "options")
                }
            }
            guard let name else {
                if !entries.contains(where: { $0.name == "name" }) { reader.error("an option needs a 'name'", at: node) }
                continue
            }
            let optionID = id ?? Slug.make(name)
            let position = reader.position(of: idNode ?? node)
            if let line = ids.firstUse(of: optionID, line: position.line) {
                reader.diagnostics.append(block.source.diagnostic(.error, "duplicate option id '\(optionID)' (first used on line \(line))", line: position.line, column: position.column))
                continue
            }
            options.append(Comparison.Option(id: optionID, name: name, link: link))
        }
        return options
    }

    private func optionsFrom(_ entry: YAMLEntry, reader: inout YAMLValueReader) -> ComparisonSource.OptionsFrom? {
        let fields = reader.mapping(entry)
        guard fields.count == 1, let field = fields.first, field.name == "tag" || field.name == "category" else {
            reader.error("'options_from' must be `{tag: name}` or `{category: name}`", at: entry.value)
            return nil
        }
        guard let name = reader.requiredText(field) else { return nil }
        return .init(kind: field.name == "tag" ? .tag : .category, name: name, position: reader.position(of: field.value))
    }
}
