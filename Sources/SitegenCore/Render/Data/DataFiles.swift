import Foundation

/// The published data: `/data/comparisons/<id>.json` and `.csv`, `/data/decision-helper/<id>.json`
/// and the decision format's JSON Schema. JSON has sorted keys and a `version`, so output is stable.
struct DataFiles {
    let data: SiteData

    /// The format version written into every data file; raised when a field changes meaning.
    static let version = 1

    func files() -> [OutputFile] {
        var files: [OutputFile] = []
        for comparison in data.comparisons {
            files.append(OutputFile(path: "data/comparisons/\(comparison.id).json", text: Self.json(comparison)))
            files.append(OutputFile(path: "data/comparisons/\(comparison.id).csv", text: ComparisonCSV(comparison: comparison).text()))
        }
        for decision in data.decisions {
            files.append(OutputFile(path: "data/decision-helper/\(decision.id).json", text: Self.json(decision)))
        }
        if !data.decisions.isEmpty {
            files.append(OutputFile(path: "data/decision-helper/schema.json", text: DecisionSchema.json))
        }
        return files
    }

    /// Pretty-printed JSON with sorted keys and a top-level `version`.
    static func json<Body: Encodable>(_ body: Body) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // The types are plain strings, numbers, arrays and dictionaries with string keys: encoding cannot fail.
        let data = (try? encoder.encode(Versioned(body: body))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Versioned<Body: Encodable>: Encodable {
        let body: Body
        enum CodingKeys: String, CodingKey { case version }

        func encode(to encoder: any Encoder) throws {
            try body.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(DataFiles.version, forKey: .version)
        }
    }
}
