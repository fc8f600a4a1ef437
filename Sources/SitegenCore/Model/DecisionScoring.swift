/// The decision helper's arithmetic. The widget (`templates/assets/decision-helper.js`) implements the same
/// steps; the build uses this to prove every outcome can be recommended.
public struct DecisionScoring: Sendable {
    public let decision: Decision

    public init(_ decision: Decision) {
        self.decision = decision
    }

    /// What a set of answers recommends.
    public struct Result: Sendable, Hashable {
        /// Points per outcome, in outcome order.
        public var totals: [Int]
        /// Indices of rules whose conditions all hold.
        public var firedRules: [Int]
        /// Outcome ids with the highest total among those not ruled out, in outcome order: one is a
        /// recommendation, several a tie, none means no answer yet or every outcome ruled out.
        public var winners: [String]
    }

    /// Scores `answers` (question id → answer id; unanswered questions are simply absent).
    public func score(_ answers: [String: String]) -> Result {
        var totals = Array(repeating: 0, count: decision.outcomes.count)
        var answered = false
        for question in decision.questions {
            guard let chosen = answers[question.id], let answer = question.answers.first(where: { $0.id == chosen }) else { continue }
            answered = true
            for (index, outcome) in decision.outcomes.enumerated() { totals[index] += answer.scores[outcome.id] ?? 0 }
        }
        let fired = decision.rules.indices.filter { index in
            decision.rules[index].when.allSatisfy { question, accepted in answers[question].map(accepted.contains) ?? false }
        }
        let ruledOut = Set(fired.flatMap { decision.rules[$0].ruleOut })
        let candidates = decision.outcomes.indices.filter { !ruledOut.contains(decision.outcomes[$0].id) }
        guard answered, let best = candidates.map({ totals[$0] }).max() else {
            return Result(totals: totals, firedRules: fired, winners: [])
        }
        return Result(totals: totals, firedRules: fired, winners: candidates.filter { totals[$0] == best }.map { decision.outcomes[$0].id })
    }

    /// Outcomes that no complete set of answers recommends (alone or tied), in outcome order; nil when there
    /// are more than `limit` combinations to try.
    public func unreachableOutcomes(limit: Int = 1_000_000) -> [String]? {
        var combinations = 1
        for question in decision.questions {
            combinations = combinations.multipliedReportingOverflow(by: max(question.answers.count, 1)).partialValue
            if combinations > limit || combinations <= 0 { return nil }
        }
        var unreached = Set(decision.outcomes.map(\.id))
        var answers: [String: String] = [:]
        visit(0, &answers, &unreached)
        return decision.outcomes.map(\.id).filter(unreached.contains)
    }

    private func visit(_ question: Int, _ answers: inout [String: String], _ unreached: inout Set<String>) {
        if unreached.isEmpty { return }
        guard question < decision.questions.count else {
            unreached.subtract(score(answers).winners)
            return
        }
        let current = decision.questions[question]
        for answer in current.answers {
            answers[current.id] = answer.id
            visit(question + 1, &answers, &unreached)
        }
        answers[current.id] = nil
    }
}
