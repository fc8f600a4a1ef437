import Foundation
import SitegenMarkdown

/// Turns an article's ```` ```comparison <id> ```` and ```` ```decision-helper <id> ```` blocks into HTML,
/// reporting unknown ids and settings at their line and column in the article.
struct EmbedResolver: Sendable, Equatable {
    let comparisons: [String: Comparison]
    let decisions: [String: Decision]
    /// `comparison <id>` and `decision-helper <id>` of data files with errors: embeds of them are left
    /// empty without a second report.
    let brokenIDs: Set<String>
    let basePath: String

    static let comparisonKeys = ["options", "criteria"]

    /// Embeds of one article: ids stay unique on the page and the widget's script is written once.
    struct Page {
        let resolver: EmbedResolver
        let source: ArticleText
        var diagnostics: [Diagnostic] = []
        /// `#fragment` links the embeds wrote, with the embed's place: checked against the page's headings.
        private(set) var fragments: [(link: String, what: String, line: Int, column: Int)] = []
        private var uses: [String: Int] = [:]
        private var wroteScript = false

        init(resolver: EmbedResolver, source: ArticleText) {
            self.resolver = resolver
            self.source = source
        }

        /// The HTML for `block`, or nil when it is an ordinary code block.
        mutating func html(for block: FencedBlock) -> String? {
            let words = block.info.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let kind = words.first, kind == "comparison" || kind == "decision-helper" else { return nil }
            let line = block.position.line + source.bodyFirstLine - 1
            guard words.count == 2 else {
                let problem = words.count < 2 ? "needs the id of its data file" : "takes one id, found \(words.count - 1)"
                error("'\(kind)' \(problem): write ```\(kind) <id>", line: line, column: block.position.column)
                return ""
            }
            if resolver.brokenIDs.contains(kind + " " + words[1]) { return "" }
            let id = words[1], column = self.column(of: id, line: line, after: kind) ?? block.position.column
            let settings = Array(block.literal.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast())
            if kind == "comparison" {
                guard let comparison = resolver.comparisons[id] else {
                    unknown(id, kind: "comparison", known: Array(resolver.comparisons.keys), folder: DataParser.comparisonsFolder, line: line, column: column)
                    return ""
                }
                return comparisonHTML(comparison, settings: settings, fenceLine: line)
            }
            guard let decision = resolver.decisions[id] else {
                unknown(id, kind: "decision helper", known: Array(resolver.decisions.keys), folder: DataParser.decisionsFolder, line: line, column: column)
                return ""
            }
            for (offset, setting) in settings.enumerated() where !setting.trimmingSpaces.isEmpty {
                error("a decision-helper block takes no settings", line: line + 1 + offset, column: 1)
            }
            for outcome in decision.outcomes {
                if let link = outcome.link, link.hasPrefix("#") { fragments.append((link, "decision helper '\(id)'", line, column)) }
            }
            let prefix = uniquePrefix("decide-" + id)
            let script = wroteScript ? nil : resolver.basePath + DecisionHelperHTML.scriptPath
            wroteScript = true
            return DecisionHelperHTML(decision: decision, prefix: prefix, dataURL: resolver.basePath + "data/decision-helper/\(id).json", scriptURL: script).html()
        }

        private mutating func comparisonHTML(_ comparison: Comparison, settings: [String], fenceLine: Int) -> String {
            var options = comparison.options, criteria = comparison.criteria
            for (offset, setting) in settings.enumerated() where !setting.trimmingSpaces.isEmpty {
                let line = fenceLine + 1 + offset
                guard let colon = setting.firstIndex(of: ":") else {
                    error("expected `options: id, id` or `criteria: id, id`", line: line, column: 1)
                    continue
                }
                let key = String(setting[..<colon]).trimmingSpaces
                let ids = setting[setting.index(after: colon)...].split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
                switch key {
                case "options":
                    options = select(ids, from: comparison.options, id: \.id, what: "option", comparison: comparison.id, line: line)
                case "criteria":
                    criteria = select(ids, from: comparison.criteria, id: \.id, what: "criterion", comparison: comparison.id, line: line)
                default:
                    error("unknown setting '\(key)': use options or criteria" + Suggestion.didYouMean(key, in: EmbedResolver.comparisonKeys), line: line, column: column(of: key, line: line) ?? 1)
                }
            }
            for option in options {
                if let link = option.link, link.hasPrefix("#") { fragments.append((link, "comparison '\(comparison.id)'", fenceLine, 1)) }
            }
            let prefix = uniquePrefix("cmp-" + comparison.id)
            let urls = (resolver.basePath + "data/comparisons/\(comparison.id).json", resolver.basePath + "data/comparisons/\(comparison.id).csv")
            return ComparisonTableHTML(comparison: comparison, options: options, criteria: criteria, prefix: prefix, dataURLs: urls).html()
        }

        /// Warnings for embed links to `#fragment`s that are not headings of the page.
        func brokenFragments(headingIDs: Set<String>) -> [Diagnostic] {
            var seen: Set<String> = []
            return fragments.compactMap { fragment in
                let id = String(fragment.link.dropFirst())
                guard !headingIDs.contains(id), seen.insert(fragment.what + fragment.link).inserted else { return nil }
                return source.text.diagnostic(.warning, "\(fragment.what) links to '\(fragment.link)', which is not a heading on this page",
                                              line: fragment.line, column: fragment.column)
            }
        }

        private mutating func select<T>(_ ids: [String], from all: [T], id: KeyPath<T, String>, what: String, comparison: String, line: Int) -> [T] {
            if ids.isEmpty { error("list the \(what == "option" ? "options" : "criteria") to show, separated by commas", line: line, column: 1) }
            var chosen: [T] = []
            for wanted in ids {
                guard let item = all.first(where: { $0[keyPath: id] == wanted }) else {
                    let known = all.map { $0[keyPath: id] }
                    error("comparison '\(comparison)' has no \(what) '\(wanted)' (\(known.joined(separator: ", ")))" + Suggestion.didYouMean(wanted, in: known),
                          line: line, column: column(of: wanted, line: line) ?? 1)
                    continue
                }
                chosen.append(item)
            }
            return chosen
        }

        private mutating func unknown(_ id: String, kind: String, known: [String], folder: String, line: Int, column: Int) {
            error("unknown \(kind) '\(id)': no \(folder)\(id).yaml" + Suggestion.didYouMean(id, in: known), line: line, column: column)
        }

        private mutating func uniquePrefix(_ base: String) -> String {
            uses[base, default: 0] += 1
            return uses[base]! == 1 ? base : "\(base)-\(uses[base]!)"
        }

        private mutating func error(_ message: String, line: Int, column: Int) {
            diagnostics.append(source.text.diagnostic(.error, message, line: line, column: column))
        }

        /// The 1-based column of `word` on a file line, searching after `anchor` when given.
        private func column(of word: String, line: Int, after anchor: String? = nil) -> Int? {
            guard let text = source.text.line(line) else { return nil }
            var searchStart = text.startIndex
            if let anchor, let range = text.range(of: anchor) { searchStart = range.upperBound }
            guard let range = text.range(of: word, range: searchStart..<text.endIndex) else { return nil }
            return text.distance(from: text.startIndex, to: range.lowerBound) + 1
        }
    }
}
