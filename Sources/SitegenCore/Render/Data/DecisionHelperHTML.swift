import SitegenText

/// A decision helper as HTML that works without JavaScript: the questions with where each answer leads,
/// the rules, and the outcomes. `decision-helper.js` reads the helper's JSON and adds the interactive form.
struct DecisionHelperHTML {
    let decision: Decision
    /// Unique on the page: `decide-<id>`, or `decide-<id>-2` for a second embed.
    let prefix: String
    /// Site path of the published JSON.
    let dataURL: String
    /// The widget's script, written after the first helper of a page only.
    let scriptURL: String?

    func html() -> String {
        var html = "<section class=\"decision-helper\" id=\"\(prefix)\" aria-labelledby=\"\(prefix)-title\" "
        html += "data-helper=\"\(decision.id)\" data-src=\"\(dataURL.xmlEscaped)\">\n"
        // A second copy on one page needs its own name: landmarks must be told apart.
        let copy = prefix.hasPrefix("decide-\(decision.id)-") ? " (\(prefix.dropFirst("decide-\(decision.id)-".count)))" : ""
        html += "<h3 class=\"dh-title\" id=\"\(prefix)-title\">\(decision.title.xmlEscaped)"
        html += copy.isEmpty ? "</h3>\n" : "<span class=\"visually-hidden\">\(copy)</span></h3>\n"
        if let intro = decision.intro { html += "<p class=\"dh-intro\">\(intro.xmlEscaped)</p>\n" }
        html += "<div class=\"dh-app\" hidden></div>\n"
        html += "<details class=\"dh-guide\" open>\n<summary>How to choose without the interactive helper</summary>\n"
        html += "<ol class=\"dh-questions\">\n"
        for question in decision.questions { html += guide(question) }
        html += "</ol>\n<h4 class=\"dh-subheading\">The possible recommendations</h4>\n<dl class=\"dh-outcomes\">\n"
        for outcome in decision.outcomes {
            html += "<dt>\(ComparisonTableHTML.linked(outcome.title, outcome.link))</dt><dd>\(outcome.summary.xmlEscaped)</dd>\n"
        }
        html += "</dl>\n</details>\n</section>\n"
        if let scriptURL { html += Self.scriptTag(scriptURL) }
        return html
    }

    /// The widget's path under the site's base path (a file of the theme's `assets/`).
    static let scriptPath = "assets/decision-helper.js"

    /// The line that loads the widget.
    static func scriptTag(_ url: String) -> String {
        "<script src=\"\(url.xmlEscaped)\" defer></script>\n"
    }

    private func guide(_ question: Decision.Question) -> String {
        var html = "<li class=\"dh-question-guide\"><p class=\"dh-question-text\">\(question.text.xmlEscaped)</p>"
        if let help = question.help { html += "<p class=\"dh-help\">\(help.xmlEscaped)</p>" }
        html += "\n<ul class=\"dh-answer-guide\">\n"
        for answer in question.answers {
            html += "<li><strong>\(answer.label.xmlEscaped)</strong>: \(effects(of: answer, in: question).xmlEscaped)</li>\n"
        }
        return html + "</ul></li>\n"
    }

    /// "points toward A (+2), B (+1); away from C (−1); rules out D: reason".
    private func effects(of answer: Decision.Answer, in question: Decision.Question) -> String {
        let scored = decision.outcomes.compactMap { outcome in answer.scores[outcome.id].flatMap { $0 == 0 ? nil : (outcome.title, $0) } }
        var parts: [String] = []
        let toward = scored.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }.map { "\($0.0) (+\($0.1))" }
        let away = scored.filter { $0.1 < 0 }.sorted { $0.1 < $1.1 }.map { "\($0.0) (−\(-$0.1))" }
        if !toward.isEmpty { parts.append("points toward " + toward.joined(separator: ", ")) }
        if !away.isEmpty { parts.append("away from " + away.joined(separator: ", ")) }
        for rule in decision.rules where rule.when[question.id]?.contains(answer.id) ?? false {
            let titles = rule.ruleOut.compactMap { id in decision.outcomes.first { $0.id == id }?.title }
            let condition = rule.when.count > 1 ? " (together with other answers)" : ""
            parts.append("rules out \(titles.joined(separator: " and "))\(condition): \(rule.reason)")
        }
        return parts.isEmpty ? "no effect on the recommendation" : parts.joined(separator: "; ")
    }
}
