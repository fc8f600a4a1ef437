import Foundation

/// Reads every data file: comparisons under `content/data/comparisons/`, decision helpers under
/// `content/data/decisions/`. Each file's id is its name without the extension.
struct DataParser: Sendable {
    let basePath: String
    /// Workers for parsing the files (nil: all cores).
    var workers: Int?

    static let comparisonsFolder = "content/data/comparisons/"
    static let decisionsFolder = "content/data/decisions/"

    struct Output: Sendable {
        /// By id order.
        var comparisons: [ComparisonSource]
        var decisions: [Decision]
        /// Ids of files that exist but have errors, so embeds of them are not reported as unknown too.
        var brokenComparisons: Set<String> = []
        var brokenDecisions: Set<String> = []
        var diagnostics: [Diagnostic]
    }

    private enum Parsed: Sendable {
        case comparison(ComparisonSource)
        case decision(Decision)
    }

    func parse(_ tree: SourceTree) async -> Output {
        var diagnostics: [Diagnostic] = []
        var files: [(path: String, id: String, format: String)] = []
        var owners: [String: String] = [:]
        for path in tree.content.keys.sorted() where path.hasPrefix(Self.comparisonsFolder) || path.hasPrefix(Self.decisionsFolder) {
            let folder = path.hasPrefix(Self.comparisonsFolder) ? Self.comparisonsFolder : Self.decisionsFolder
            let name = String(path.dropFirst(folder.count))
            guard let dot = name.lastIndex(of: "."), !name.contains("/") else {
                diagnostics.append(.warning("ignored: data files sit directly in \(folder) and end in .yaml, .json\(folder == Self.comparisonsFolder ? " or .csv" : "")", file: path))
                continue
            }
            let id = String(name[..<dot]), format = String(name[name.index(after: dot)...]).lowercased()
            let formats = folder == Self.comparisonsFolder ? ["yaml", "yml", "json", "csv"] : ["yaml", "yml", "json"]
            guard formats.contains(format) else {
                diagnostics.append(.warning("ignored: a data file must end in \(formats.map { "." + $0 }.joined(separator: ", "))", file: path))
                continue
            }
            guard DataID.isValid(id) else {
                diagnostics.append(.error("the file name '\(id)' is the data's id: use lowercase letters, digits, '-' and '_'", file: path))
                continue
            }
            if folder == Self.decisionsFolder, id == "schema" {
                diagnostics.append(.error("the id 'schema' is taken: /data/decision-helper/schema.json is the format's JSON Schema", file: path))
                continue
            }
            let key = folder + id
            if let owner = owners[key] {
                diagnostics.append(.error("duplicate id '\(id)': \(owner) has it too", file: path))
                continue
            }
            owners[key] = path
            files.append((path, id, format))
        }
        let results = await files.parallelMap(workers: workers) { [basePath] file in
            Self.parseFile(path: file.path, id: file.id, format: file.format, data: tree.content[file.path]!, basePath: basePath)
        }
        var output = Output(comparisons: [], decisions: [], diagnostics: diagnostics)
        for (file, (parsed, fileDiagnostics)) in zip(files, results) {
            output.diagnostics += fileDiagnostics
            switch parsed {
            case .comparison(let comparison)?: output.comparisons.append(comparison)
            case .decision(let decision)?: output.decisions.append(decision)
            case nil where file.path.hasPrefix(Self.comparisonsFolder): output.brokenComparisons.insert(file.id)
            case nil: output.brokenDecisions.insert(file.id)
            }
        }
        return output
    }

    private static func parseFile(path: String, id: String, format: String, data: Data, basePath: String) -> (Parsed?, [Diagnostic]) {
        let text: SourceText
        switch SourceText.decode(data, path: path) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let decoded): text = decoded
        }
        if format == "csv" {
            let (comparison, diagnostics) = CSVComparisonParser(source: text, id: id).parse()
            return (comparison.map(Parsed.comparison), diagnostics)
        }
        let block = YAMLBlock(source: text, yaml: text.text, firstLine: 1)
        if path.hasPrefix(comparisonsFolder) {
            let (comparison, diagnostics) = ComparisonParser(block: block, id: id, basePath: basePath).parse()
            return (comparison.map(Parsed.comparison), diagnostics)
        }
        let (decision, diagnostics) = DecisionParser(block: block, id: id, basePath: basePath).parse()
        return (decision.map(Parsed.decision), diagnostics)
    }
}
