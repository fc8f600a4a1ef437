import Yams

/// Reads a decision helper from YAML or JSON and checks it: ids unique, every score and rule naming a
/// defined outcome, question or answer, and every outcome reachable by some set of answers.
struct DecisionParser {
    let block: YAMLBlock
    let id: String
    let basePath: String

    static let keys = ["title", "intro", "outcomes", "questions", "rules"]

    /// Positions of what later checks report on.
    private struct Marks {
        var outcomes: [String: Node] = [:]
        var questions: [String: Node] = [:]
        var scores: [(question: String, outcome: String, node: Node)] = []
    }

    func parse() -> (Decision?, [Diagnostic]) {
        let entries: [YAMLEntry]
        switch block.topLevelMapping(what: "a decision helper") {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let value): entries = value
        }
        var reader = YAMLValueReader(block: block)
        var decision = Decision(id: id, title: "", intro: nil, outcomes: [], questions: [], rules: [])
        var marks = Marks()
        var found: [String: YAMLEntry] = [:]
        for entry in entries {
            guard Self.keys.contains(entry.name) else {
                reader.unknownKey(entry, known: Self.keys, severity: .error, in: nil)
                continue
            }
            found[entry.name] = entry
        }
        let top = block.firstLine
        for key in ["title", "outcomes", "questions"] where found[key] == nil {
            reader.diagnostics.append(block.source.diagnostic(.error, "missing required field '\(key)'", line: top, column: 1))
        }
        if let entry = found["title"] { decision.title = reader.requiredText(entry) ?? "" }
        if let entry = found["intro"] { decision.intro = reader.string(entry).flatMap { $0.trimmingSpaces.isEmpty ? nil : $0.trimmingSpaces } }
        if let entry = found["outcomes"] { decision.outcomes = outcomes(entry, marks: &marks, reader: &reader) }
        if let entry = found["questions"] { decision.questions = questions(entry, marks: &marks, reader: &reader) }
        checkScores(decision, marks: marks, reader: &reader)
        if let entry = found["rules"] {
            var rules = DecisionRuleReader(decision: decision)
            decision.rules = rules.read(entry, reader: &reader)
        }
        if !reader.diagnostics.hasErrors { checkReachable(decision, marks: marks, reader: &reader) }
        return (reader.diagnostics.hasErrors ? nil : decision, reader.diagnostics)
    }

    private func outcomes(_ entry: YAMLEntry, marks: inout Marks, reader: inout YAMLValueReader) -> [Decision.Outcome] {
        var outcomes: [Decision.Outcome] = []
        for node in reader.items(entry) {
            guard let fields = reader.entries(node, what: "an outcome") else { continue }
            var id: String?, idNode: Node?, title: String?, summary: String?, link: String?
            for field in fields {
                switch field.name {
                case "id": (id, idNode) = (reader.identifier(field), field.value)
                case "title": title = reader.requiredText(field)
                case "summary": summary = reader.requiredText(field)
                case "link": link = reader.link(field, basePath: basePath)
                default: reader.unknownKey(field, known: ["id", "title", "summary", "link"], severity: .error, in: "outcomes")
                }
            }
            for key in ["id", "title", "summary"] where !fields.contains(where: { $0.name == key }) {
                reader.error("an outcome needs '\(key)'", at: node)
            }
            guard let id, let title, let summary else { continue }
            if let first = marks.outcomes[id] {
                reader.error("duplicate outcome id '\(id)' (first used on line \(reader.position(of: first).line))", at: idNode ?? node)
                continue
            }
            marks.outcomes[id] = idNode ?? node
            outcomes.append(Decision.Outcome(id: id, title: title, summary: summary, link: link))
        }
        if outcomes.count < 2, !reader.diagnostics.hasErrors {
            reader.error("a decision helper needs at least two outcomes", at: entry.value)
        }
        return outcomes
    }

    private func questions(_ entry: YAMLEntry, marks: inout Marks, reader: inout YAMLValueReader) -> [Decision.Question] {
        var questions: [Decision.Question] = []
        for node in reader.items(entry) {
            guard let fields = reader.entries(node, what: "a question") else { continue }
            var id: String?, idNode: Node?, text: String?, help: String?, answersEntry: YAMLEntry?
            for field in fields {
                switch field.name {
                case "id": (id, idNode) = (reader.identifier(field), field.value)
                case "text": text = reader.requiredText(field)
                case "help": help = reader.string(field).flatMap { $0.trimmingSpaces.isEmpty ? nil : $0.trimmingSpaces }
                case "answers": answersEntry = field
                default: reader.unknownKey(field, known: ["id", "text", "help", "answers"], severity: .error, in: "questions")
                }
            }
            for key in ["id", "text", "answers"] where !fields.contains(where: { $0.name == key }) {
                reader.error("a question needs '\(key)'", at: node)
            }
            guard let id, let text, let answersEntry else { continue }
            if let first = marks.questions[id] {
                reader.error("duplicate question id '\(id)' (first used on line \(reader.position(of: first).line))", at: idNode ?? node)
                continue
            }
            marks.questions[id] = idNode ?? node
            let answers = self.answers(answersEntry, question: id, marks: &marks, reader: &reader)
            questions.append(Decision.Question(id: id, text: text, help: help, answers: answers))
        }
        if questions.isEmpty, !reader.diagnostics.hasErrors {
            reader.error("a decision helper needs at least one question", at: entry.value)
        }
        return questions
    }

    private func answers(_ entry: YAMLEntry, question: String, marks: inout Marks, reader: inout YAMLValueReader) -> [Decision.Answer] {
        var answers: [Decision.Answer] = []
        var ids = UniqueIDs()
        let nodes = reader.items(entry)
        for node in nodes {
            guard let fields = reader.entries(node, what: "an answer") else { continue }
            var id: String?, idNode: Node?, label: String?, scores: [String: Int] = [:]
            for field in fields {
                switch field.name {
                case "id": (id, idNode) = (reader.identifier(field), field.value)
                case "label": label = reader.requiredText(field)
                case "scores":
                    for score in reader.mapping(field) {
                        guard score.value.tagName == .int, let points = score.value.int else {
                            reader.error("score '\(score.name)' must be a whole number, found \(score.value.kindDescription)", at: score.value)
                            continue
                        }
                        scores[score.name] = points
                        marks.scores.append((question, score.name, score.key))
                    }
                default: reader.unknownKey(field, known: ["id", "label", "scores"], severity: .error, in: "answers")
                }
            }
            guard let label else {
                if !fields.contains(where: { $0.name == "label" }) { reader.error("an answer needs a 'label'", at: node) }
                continue
            }
            let answerID = id ?? Slug.make(label)
            let position = reader.position(of: idNode ?? node)
            if let line = ids.firstUse(of: answerID, line: position.line) {
                reader.diagnostics.append(block.source.diagnostic(.error, "duplicate answer id '\(answerID)' in question '\(question)' (first used on line \(line))", line: position.line, column: position.column))
                continue
            }
            answers.append(Decision.Answer(id: answerID, label: label, scores: scores))
        }
        if answers.count < 2, nodes.count < 2 {
            reader.error("question '\(question)' needs at least two answers", at: entry.value)
        }
        return answers
    }

    private func checkScores(_ decision: Decision, marks: Marks, reader: inout YAMLValueReader) {
        let outcomes = decision.outcomes.map(\.id)
        for score in marks.scores where marks.outcomes[score.outcome] == nil {
            reader.error("unknown outcome '\(score.outcome)' in the scores of question '\(score.question)' (outcomes: \(outcomes.joined(separator: ", ")))" + Suggestion.didYouMean(score.outcome, in: outcomes), at: score.node)
        }
    }

    private func checkReachable(_ decision: Decision, marks: Marks, reader: inout YAMLValueReader) {
        guard let unreachable = DecisionScoring(decision).unreachableOutcomes(limit: 250_000) else {
            reader.diagnostics.append(block.source.diagnostic(.warning, "too many combinations of answers to check that every outcome can be recommended", line: block.firstLine, column: 1))
            return
        }
        for outcome in unreachable {
            reader.error("outcome '\(outcome)' is never recommended: no combination of answers gives it the highest score without a rule ruling it out", at: marks.outcomes[outcome]!)
        }
    }
}
