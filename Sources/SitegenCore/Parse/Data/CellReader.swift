import SitegenText

/// Types a cell value by its criterion's kind.
enum CellReader {
    /// The typed cell, or the problem with it (for a message naming the option and criterion).
    static func cell(_ value: DataValue, kind: Comparison.Kind) -> Result<Comparison.Cell, DataProblem> {
        let note = value.note.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0.trimmingSpaces }
        return typed(value, kind: kind).map { Comparison.Cell(value: $0, note: note) }
    }

    private static func typed(_ value: DataValue, kind: Comparison.Kind) -> Result<Comparison.Value, DataProblem> {
        let text = value.text.trimmingSpaces
        if value.form == .empty || text.isEmpty { return .failure(.init(message: "is empty")) }
        switch kind {
        case .rating:
            guard value.form == .number || value.form == .text, let number = Double(text) else {
                return .failure(.init(message: "must be a rating from 0 to 5, found \(describe(value))"))
            }
            guard number >= 0, number <= 5, (number * 2).rounded() == number * 2 else {
                return .failure(.init(message: "must be a rating from 0 to 5 in steps of 0.5, found \(text)"))
            }
            return .success(.rating(number))
        case .yesNo:
            switch text.lowercased() {
            case "yes", "true", "y": return .success(.yesNo(.yes))
            case "no", "false", "n": return .success(.yesNo(.no))
            case "partial", "partly", "partially": return .success(.yesNo(.partial))
            default: return .failure(.init(message: "must be yes, no or partial, found \(describe(value))"))
            }
        case .number:
            guard let number = Double(text.replacingAll("_", with: "")), number.isFinite else {
                return .failure(.init(message: "must be a number, found \(describe(value))"))
            }
            return .success(.number(number))
        case .text:
            return .success(.text(text))
        }
    }

    private static func describe(_ value: DataValue) -> String {
        switch value.form {
        case .number: return "the number \(value.text)"
        case .boolean: return "the boolean \(value.text)"
        case .empty: return "an empty value"
        case .text: return "the text '\(value.text)'"
        }
    }
}

/// What is wrong with one value of a data file, to be reported at the value's position.
struct DataProblem: Error, Equatable {
    let message: String
}
