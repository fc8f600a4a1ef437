/// What a fence's info string asks of its block besides the language: ```` ```swift {lines=3-5, numbers} ````.
public struct CodeBlockOptions: Sendable, Hashable {
    /// 1-based line numbers to mark.
    public var highlighted: Set<Int> = []
    /// Whether to number the lines (with CSS counters, so the numbers are not part of the text).
    public var numbered = false

    public init(highlighted: Set<Int> = [], numbered: Bool = false) {
        self.highlighted = highlighted
        self.numbered = numbered
    }

    /// The language word and options of an info string, and a message for each setting not understood.
    /// `swift {lines=3-5,8 numbers}`: settings are separated by commas or spaces.
    public static func parse(info: String) -> (language: String, options: CodeBlockOptions, problems: [String]) {
        let trimmed = info.drop { $0 == " " || $0 == "\t" }
        let language = String(trimmed.prefix { $0 != " " && $0 != "\t" && $0 != "{" })
        var options = CodeBlockOptions()
        var problems: [String] = []
        let rest = trimmed.dropFirst(language.count).drop { $0 == " " || $0 == "\t" }
        guard rest.hasPrefix("{") else { return (language, options, problems) }
        guard let close = rest.firstIndex(of: "}") else { return (language, options, ["the settings after the language have no closing '}'"]) }
        let settings = rest[rest.index(after: rest.startIndex)..<close].split { $0 == " " || $0 == "\t" || $0 == "," }
        var pendingLines = false
        for setting in settings {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            if pendingLines, parts.count == 1, let lines = lineSet(parts[0]) {
                options.highlighted.formUnion(lines)  // `lines=3-5, 8`: a list continued after a comma
                continue
            }
            pendingLines = false
            switch (parts[0], parts.count) {
            case ("numbers", 1), ("linenos", 1): options.numbered = true
            case ("lines", 2), ("hl_lines", 2):
                guard let lines = lineSet(parts[1]) else {
                    problems.append("'\(parts[1])' is not a list of lines such as 3-5,8")
                    continue
                }
                options.highlighted.formUnion(lines)
                pendingLines = true
            default: problems.append("unknown code block setting '\(setting)' (known: lines=3-5, numbers)")
            }
        }
        return (language, options, problems)
    }

    /// `3-5,8` → {3, 4, 5, 8}; nil when it is not such a list (or a range is absurdly long).
    private static func lineSet(_ text: String) -> Set<Int>? {
        var lines = Set<Int>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            guard (1...2).contains(bounds.count), let first = bounds.first ?? nil, let last = bounds.last ?? nil,
                  first >= 1, first <= last, last - first < 100_000 else { return nil }
            lines.formUnion(first...last)
        }
        return lines
    }
}
