import Yams

/// Reads a decision helper's `rules:`, checking that each names defined questions, answers and outcomes.
struct DecisionRuleReader {
    let decision: Decision

    mutating func read(_ entry: YAMLEntry, reader: inout YAMLValueReader) -> [Decision.Rule] {
        reader.items(entry).compactMap { rule($0, reader: &reader) }
    }

    private func rule(_ node: Node, reader: inout YAMLValueReader) -> Decision.Rule? {
        guard let fields = reader.entries(node, what: "a rule") else { return nil }
        var when: [String: [String]]?, ruleOut: [String]?, reason: String?
        for field in fields {
            switch field.name {
            case "when": when = conditions(field, reader: &reader)
            case "rule_out": ruleOut = outcomes(field, reader: &reader)
            case "reason": reason = reader.requiredText(field)
            default: reader.unknownKey(field, known: ["when", "rule_out", "reason"], severity: .error, in: "rules")
            }
        }
        for key in ["when", "rule_out", "reason"] where !fields.contains(where: { $0.name == key }) {
            reader.error("a rule needs '\(key)'", at: node)
        }
        guard let when, let ruleOut, let reason, !when.isEmpty, !ruleOut.isEmpty else { return nil }
        return Decision.Rule(when: when, ruleOut: ruleOut, reason: reason)
    }

    private func conditions(_ field: YAMLEntry, reader: inout YAMLValueReader) -> [String: [String]]? {
        var conditions: [String: [String]] = [:]
        let entries = reader.mapping(field)
        if entries.isEmpty { reader.error("'when' must name at least one question and its answer", at: field.value) }
        for condition in entries {
            guard let question = decision.questions.first(where: { $0.id == condition.name }) else {
                let ids = decision.questions.map(\.id)
                reader.error("unknown question '\(condition.name)' in a rule (questions: \(ids.joined(separator: ", ")))" + Suggestion.didYouMean(condition.name, in: ids), at: condition.key)
                continue
            }
            let answers = question.answers.map(\.id)
            var accepted: [String] = []
            for (answer, node) in reader.stringList(condition) ?? [] {
                guard answers.contains(answer) else {
                    reader.error("question '\(question.id)' has no answer '\(answer)' (answers: \(answers.joined(separator: ", ")))" + Suggestion.didYouMean(answer, in: answers), at: node)
                    continue
                }
                accepted.append(answer)
            }
            conditions[question.id] = accepted
        }
        return conditions
    }

    private func outcomes(_ field: YAMLEntry, reader: inout YAMLValueReader) -> [String]? {
        let ids = decision.outcomes.map(\.id)
        var outcomes: [String] = []
        let written = reader.stringList(field)
        for (outcome, node) in written ?? [] {
            guard ids.contains(outcome) else {
                reader.error("unknown outcome '\(outcome)' in a rule (outcomes: \(ids.joined(separator: ", ")))" + Suggestion.didYouMean(outcome, in: ids), at: node)
                continue
            }
            outcomes.append(outcome)
        }
        if written?.isEmpty ?? false { reader.error("'rule_out' names no outcome", at: field.value) }
        return outcomes
    }
}
