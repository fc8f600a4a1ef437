/// Reads a comparison kept as a spreadsheet: the first row is `criterion` then the option names, each
/// further row a criterion's name then one value per option. Optional columns right after the first one,
/// named `id`, `kind`, `better`, `unit`, `description` or `missing`, set those fields per row. The title is
/// the file's id in words; a row without a `kind` is yes-no when every value is yes/no/partial, a number
/// when every value is a number, and text otherwise. A `;` separates a value from its note (`partial; on request`).
struct CSVComparisonParser {
    let source: SourceText
    let id: String

    static let metaColumns = ["id", "kind", "better", "unit", "description", "missing"]

    func parse() -> (ComparisonSource?, [Diagnostic]) {
        let table: CSVTable
        switch CSVTable.parse(source.text) {
        case .failure(let error): return (nil, [diagnostic(error.message, at: error.position)])
        case .success(let value): table = value
        }
        guard let header = table.rows.first, header.count >= 2 else {
            return (nil, [diagnostic("the first row must be 'criterion' followed by the option names", at: FilePosition(line: 1, column: 1))])
        }
        var diagnostics: [Diagnostic] = []
        let meta = header.dropFirst().prefix { Self.metaColumns.contains($0.text.trimmingSpaces.lowercased()) }
            .map { $0.text.trimmingSpaces.lowercased() }
        var options: [Comparison.Option] = []
        for field in header.dropFirst(1 + meta.count) {
            let name = field.text.trimmingSpaces, optionID = Slug.make(name)
            if name.isEmpty || optionID.isEmpty {
                diagnostics.append(diagnostic("option name '\(name)' has no letters or digits", at: field.position))
            } else if options.contains(where: { $0.id == optionID }) {
                diagnostics.append(diagnostic("duplicate option '\(name)'", at: field.position))
            } else {
                options.append(Comparison.Option(id: optionID, name: name, link: nil))
            }
        }
        if options.isEmpty, diagnostics.isEmpty {
            diagnostics.append(diagnostic("the first row names no options after the criterion column", at: header[0].position))
        }
        var criteria: [Comparison.Criterion] = []
        var positions: [String: FilePosition] = [:]
        for row in table.rows.dropFirst() {
            guard let criterion = criterion(row, meta: meta, options: options, diagnostics: &diagnostics) else { continue }
            if let first = positions[criterion.id] {
                diagnostics.append(diagnostic("duplicate criterion id '\(criterion.id)' (first used on line \(first.line))", at: row[0].position))
                continue
            }
            positions[criterion.id] = row[0].position
            criteria.append(criterion)
        }
        if criteria.isEmpty, !diagnostics.hasErrors {
            diagnostics.append(diagnostic("no criteria: add a row per criterion under the header", at: header[0].position))
        }
        let comparison = Comparison(id: id, title: Self.title(id), caption: nil, sources: [], options: options, criteria: criteria)
        let parsed = ComparisonSource(comparison: comparison, path: source.path, optionsFrom: nil, criterionPositions: positions)
        return (diagnostics.hasErrors ? nil : parsed, diagnostics)
    }

    private func criterion(_ row: [CSVTable.Field], meta: [String], options: [Comparison.Option], diagnostics: inout [Diagnostic]) -> Comparison.Criterion? {
        let name = row[0].text.trimmingSpaces
        guard !name.isEmpty else {
            diagnostics.append(diagnostic("a criterion needs a name in the first column", at: row[0].position))
            return nil
        }
        let expected = 1 + meta.count + options.count
        if row.count > expected {
            diagnostics.append(diagnostic("this row has \(row.count) fields but the header has \(expected)", at: row[expected].position))
        }
        var fields: [String: CSVTable.Field] = [:]
        for (offset, column) in meta.enumerated() where offset + 1 < row.count { fields[column] = row[offset + 1] }
        let cellFields = Array(row.dropFirst(1 + meta.count).prefix(options.count))
        var criterion = Comparison.Criterion(
            id: Slug.make(name), name: name, description: nil, kind: .text, better: nil, unit: nil, missingAllowed: false, values: [:])
        guard readMeta(fields, into: &criterion, cells: cellFields, diagnostics: &diagnostics) else { return nil }
        for (index, option) in options.enumerated() {
            let field = index < cellFields.count ? cellFields[index] : nil
            guard let field, !field.text.trimmingSpaces.isEmpty else {
                if !criterion.missingAllowed {
                    diagnostics.append(diagnostic("criterion '\(name)' has no value for option '\(option.name)' (add one, or put 'allowed' in a 'missing' column)", at: field?.position ?? row[0].position))
                }
                continue
            }
            switch CellReader.cell(Self.value(field, kind: criterion.kind), kind: criterion.kind) {
            case .success(let cell): criterion.values[option.id] = cell
            case .failure(let problem):
                diagnostics.append(diagnostic("the value of '\(option.name)' for '\(name)' \(problem.message)", at: field.position))
            }
        }
        return criterion
    }

    /// Applies the optional columns; false when the row cannot be read.
    private func readMeta(_ fields: [String: CSVTable.Field], into criterion: inout Comparison.Criterion, cells: [CSVTable.Field], diagnostics: inout [Diagnostic]) -> Bool {
        func text(_ column: String) -> String? {
            fields[column].map { $0.text.trimmingSpaces }.flatMap { $0.isEmpty ? nil : $0 }
        }
        if let id = text("id") {
            guard DataID.isValid(id) else {
                diagnostics.append(diagnostic("'\(id)' is not an id: use lowercase letters, digits, '-' and '_'", at: fields["id"]!.position))
                return false
            }
            criterion.id = id
        }
        criterion.description = text("description")
        criterion.unit = text("unit")
        criterion.missingAllowed = text("missing")?.lowercased() == "allowed"
        if let kind = text("kind") {
            guard let parsed = Comparison.Kind(rawValue: kind.lowercased()) else {
                diagnostics.append(diagnostic("unknown kind '\(kind)': use rating, yes-no, number or text", at: fields["kind"]!.position))
                return false
            }
            criterion.kind = parsed
        } else {
            criterion.kind = Self.inferredKind(cells)
        }
        if let better = text("better") {
            guard let parsed = Comparison.Better(rawValue: better.lowercased()), CriteriaReader.allows(parsed, criterion.kind) else {
                diagnostics.append(diagnostic("'better' is '\(better)' but this \(criterion.kind.rawValue) row needs: \(CriteriaReader.betterChoices(criterion.kind))", at: fields["better"]!.position))
                return false
            }
            criterion.better = parsed
        }
        return true
    }

    private static func inferredKind(_ cells: [CSVTable.Field]) -> Comparison.Kind {
        let values = cells.map { $0.text.split(separator: ";", maxSplits: 1).first.map(String.init)?.trimmingSpaces ?? "" }.filter { !$0.isEmpty }
        if !values.isEmpty, values.allSatisfy({ ["yes", "no", "partial"].contains($0.lowercased()) }) { return .yesNo }
        if !values.isEmpty, values.allSatisfy({ Double($0) != nil }) { return .number }
        return .text
    }

    private static func value(_ field: CSVTable.Field, kind: Comparison.Kind) -> DataValue {
        var text = field.text.trimmingSpaces, note: String?
        if kind != .text, let semicolon = text.firstIndex(of: ";") {
            note = String(text[text.index(after: semicolon)...]).trimmingSpaces
            text = String(text[..<semicolon]).trimmingSpaces
        }
        let form: DataValue.Form = text.isEmpty ? .empty : Double(text) != nil ? .number : .text
        return DataValue(text: text, form: form, note: note, position: field.position)
    }

    /// `open-vs-proprietary` → `Open vs proprietary`.
    static func title(_ id: String) -> String {
        let words = id.split(whereSeparator: { $0 == "-" || $0 == "_" }).joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    private func diagnostic(_ message: String, at position: FilePosition) -> Diagnostic {
        source.diagnostic(.error, message, line: position.line, column: position.column)
    }
}
