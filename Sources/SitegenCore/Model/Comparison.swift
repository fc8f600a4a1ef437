/// A comparison table: options are the columns, criteria the rows. Built from a data file under
/// `content/data/comparisons/`; its JSON form (`/data/comparisons/<id>.json`) is this type encoded.
public struct Comparison: Sendable, Hashable, Codable {
    /// The data file's name without its extension.
    public var id: String
    public var title: String
    public var caption: String?
    public var sources: [Source]
    public var options: [Option]
    public var criteria: [Criterion]

    /// A reference the table's values come from.
    public struct Source: Sendable, Hashable, Codable {
        public var title: String
        public var url: String
    }

    /// A column.
    public struct Option: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        /// Resolved: `#fragment`, a site path with the base path, or an absolute URL.
        public var link: String?
    }

    /// A row: one value per option (absent where `missing: allowed`).
    public struct Criterion: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var description: String?
        public var kind: Kind
        public var better: Better?
        public var unit: String?
        public var missingAllowed: Bool
        /// Option id → cell.
        public var values: [String: Cell]

        enum CodingKeys: String, CodingKey {
            case id, name, description, kind, better, unit, values
            case missingAllowed = "missing_allowed"
        }
    }

    /// How a criterion's values are read and drawn.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case rating, yesNo = "yes-no", number, text
    }

    /// Which end of a row is best: `higher`/`lower` for ratings and numbers, `yes`/`no` for yes-no rows.
    public enum Better: String, Sendable, Hashable, Codable {
        case higher, lower, yes, no
    }

    /// One table cell: a value and an optional note, shown as a footnote.
    public struct Cell: Sendable, Hashable, Codable {
        public var value: Value
        public var note: String?
    }

    /// A typed cell value; encoded as a JSON number (rating, number) or string (yes-no, text).
    public enum Value: Sendable, Hashable, Codable {
        case rating(Double)
        case yesNo(YesNo)
        case number(Double)
        case text(String)

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            // Without the criterion's kind, a number reads as a number and `yes`/`no`/`partial` as yes-no:
            // callers compare decoded tables after `Comparison.retyped()`.
            if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                let text = try container.decode(String.self)
                self = YesNo(rawValue: text).map(Value.yesNo) ?? .text(text)
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .rating(let value), .number(let value): try container.encode(value)
            case .yesNo(let value): try container.encode(value.rawValue)
            case .text(let value): try container.encode(value)
            }
        }
    }

    public enum YesNo: String, Sendable, Hashable, Codable {
        case yes, partial, no
    }
}

extension Comparison {
    /// The same table with every cell typed by its criterion's kind, as decoding JSON cannot know it.
    public func retyped() -> Comparison {
        var copy = self
        for index in copy.criteria.indices {
            let kind = copy.criteria[index].kind
            copy.criteria[index].values = copy.criteria[index].values.mapValues { cell in
                var cell = cell
                switch (kind, cell.value) {
                case (.rating, .number(let value)): cell.value = .rating(value)
                case (.text, .yesNo(let value)): cell.value = .text(value.rawValue)
                case (.text, .number(let value)): cell.value = .text(Comparison.format(value))
                default: break
                }
                return cell
            }
        }
        return copy
    }

    /// A number as people write it: `4`, `3.5`, `0.25`.
    public static func format(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
