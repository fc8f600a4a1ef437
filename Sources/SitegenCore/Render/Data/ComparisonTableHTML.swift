import SitegenText

/// A comparison as an accessible HTML figure: caption, column and row headers, ratings as a scale with a
/// text equivalent, yes/no/partial as symbols with hidden words, the best cells marked, notes as
/// footnotes, sources, and links to the table's data.
struct ComparisonTableHTML {
    let comparison: Comparison
    /// The options (columns) and criteria (rows) to show, in order.
    let options: [Comparison.Option]
    let criteria: [Comparison.Criterion]
    /// Unique on the page: `cmp-<id>`, or `cmp-<id>-2` for a second embed.
    let prefix: String
    /// Site paths of the published JSON and CSV.
    let dataURLs: (json: String, csv: String)

    func html() -> String {
        var notes: [String] = []
        var html = "<figure class=\"comparison\" id=\"\(prefix)\">\n"
        html += "<div class=\"comparison-scroll\" role=\"region\" aria-labelledby=\"\(prefix)-caption\" tabindex=\"0\">\n"
        html += "<table class=\"comparison-table\">\n"
        html += "<caption id=\"\(prefix)-caption\"><span class=\"comparison-title\">\(comparison.title.xmlEscaped)</span>"
        if let caption = comparison.caption { html += " <span class=\"comparison-caption\">\(caption.xmlEscaped)</span>" }
        html += "</caption>\n<thead><tr><th scope=\"col\" class=\"comparison-corner\">Criterion</th>"
        for option in options { html += "<th scope=\"col\">\(Self.linked(option.name, option.link))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for criterion in criteria { html += row(criterion, notes: &notes) }
        html += "</tbody>\n</table>\n</div>\n<figcaption class=\"comparison-meta\">\n"
        if !notes.isEmpty {
            html += "<ol class=\"comparison-notes\">"
            for (index, note) in notes.enumerated() {
                html += "<li id=\"\(prefix)-note-\(index + 1)\">\(note.xmlEscaped) <a href=\"#\(prefix)-ref-\(index + 1)\" class=\"note-back\" aria-label=\"Back to the table\">↩</a></li>"
            }
            html += "</ol>\n"
        }
        if !comparison.sources.isEmpty {
            let links = comparison.sources.map { Self.linked($0.title, $0.url) }.joined(separator: ", ")
            html += "<p class=\"comparison-sources\">\(comparison.sources.count == 1 ? "Source" : "Sources"): \(links)</p>\n"
        }
        html += "<p class=\"comparison-download\">Download data: <a href=\"\(dataURLs.json.xmlEscaped)\" download>JSON</a> · "
        html += "<a href=\"\(dataURLs.csv.xmlEscaped)\" download>CSV</a></p>\n</figcaption>\n</figure>\n"
        return html
    }

    private func row(_ criterion: Comparison.Criterion, notes: inout [String]) -> String {
        let best = Self.best(criterion, among: options.map(\.id))
        var html = "<tr><th scope=\"row\"><span class=\"criterion-name\">\(criterion.name.xmlEscaped)</span>"
        if let description = criterion.description { html += " <span class=\"criterion-description\">\(description.xmlEscaped)</span>" }
        html += "</th>"
        for option in options {
            guard let cell = criterion.values[option.id] else {
                html += "<td class=\"cell cell-missing\"><span aria-hidden=\"true\">–</span><span class=\"visually-hidden\">No data</span></td>"
                continue
            }
            let isBest = best.contains(option.id)
            html += "<td class=\"cell cell-\(criterion.kind.rawValue)\(isBest ? " is-best" : "")\">" + Self.value(cell.value, unit: criterion.unit)
            if isBest { html += " <span class=\"best-mark\"><span aria-hidden=\"true\">★</span><span class=\"visually-hidden\">(best)</span></span>" }
            if let note = cell.note {
                notes.append(note)
                let number = notes.count
                html += "<sup class=\"cell-note-ref\"><a href=\"#\(prefix)-note-\(number)\" id=\"\(prefix)-ref-\(number)\" aria-label=\"Note \(number)\">\(number)</a></sup>"
            }
            html += "</td>"
        }
        return html + "</tr>\n"
    }

    /// The option ids holding the row's best value; none when `better` is unset or every shown value ties.
    static func best(_ criterion: Comparison.Criterion, among options: [String]) -> Set<String> {
        guard let better = criterion.better else { return [] }
        var ranked: [(String, Double)] = []
        for option in options {
            guard let value = criterion.values[option]?.value else { continue }
            switch value {
            case .rating(let number), .number(let number): ranked.append((option, better == .lower ? -number : number))
            case .yesNo(let answer):
                let points: Double = answer == .yes ? 2 : answer == .partial ? 1 : 0
                ranked.append((option, better == .no ? -points : points))
            case .text: continue
            }
        }
        guard let top = ranked.map(\.1).max(), ranked.contains(where: { $0.1 != top }) else { return [] }
        return Set(ranked.filter { $0.1 == top }.map(\.0))
    }

    static func value(_ value: Comparison.Value, unit: String?) -> String {
        switch value {
        case .rating(let rating):
            var dots = ""
            for step in 1...5 {
                let state = rating >= Double(step) ? " is-on" : rating >= Double(step) - 0.5 ? " is-half" : ""
                dots += "<span class=\"rating-dot\(state)\"></span>"
            }
            let text = Comparison.format(rating)
            return "<span class=\"rating\" data-value=\"\(text)\"><span class=\"rating-scale\" aria-hidden=\"true\">\(dots)</span><span class=\"visually-hidden\">\(text) of 5</span></span>"
        case .yesNo(let answer):
            let (symbol, word) = answer == .yes ? ("✓", "Yes") : answer == .partial ? ("◐", "Partly") : ("✗", "No")
            return "<span class=\"yes-no yes-no-\(answer.rawValue)\"><span aria-hidden=\"true\">\(symbol)</span><span class=\"visually-hidden\">\(word)</span></span>"
        case .number(let number):
            let unitHTML = unit.map { " <span class=\"unit\">\($0.xmlEscaped)</span>" } ?? ""
            return "<span class=\"number\">\(Comparison.format(number))</span>\(unitHTML)"
        case .text(let text):
            return text.xmlEscaped
        }
    }

    static func linked(_ text: String, _ url: String?) -> String {
        guard let url else { return text.xmlEscaped }
        return "<a href=\"\(url.xmlEscaped)\">\(text.xmlEscaped)</a>"
    }
}
