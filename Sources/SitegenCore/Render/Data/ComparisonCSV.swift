import SitegenText

/// A comparison as CSV in the form sitegen reads: `criterion`, the `id`, `kind`, `better`, `unit`,
/// `description` and `missing` columns, then one column per option; notes follow their value after `;`.
struct ComparisonCSV {
    let comparison: Comparison

    func text() -> String {
        var rows = [["criterion", "id", "kind", "better", "unit", "description", "missing"] + comparison.options.map(\.name)]
        for criterion in comparison.criteria {
            var row = [
                criterion.name, criterion.id, criterion.kind.rawValue, criterion.better?.rawValue ?? "", criterion.unit ?? "",
                criterion.description ?? "", criterion.missingAllowed ? "allowed" : "",
            ]
            for option in comparison.options {
                guard let cell = criterion.values[option.id] else {
                    row.append("")
                    continue
                }
                var text = Self.text(cell.value)
                if let note = cell.note, criterion.kind != .text { text += "; " + note }
                row.append(text)
            }
            rows.append(row)
        }
        // CRLF, as RFC 4180 has it.
        return rows.map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func text(_ value: Comparison.Value) -> String {
        switch value {
        case .rating(let number), .number(let number): return Comparison.format(number)
        case .yesNo(let answer): return answer.rawValue
        case .text(let text): return text
        }
    }

    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || text.hasPrefix(" ") || text.hasSuffix(" ") else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}
