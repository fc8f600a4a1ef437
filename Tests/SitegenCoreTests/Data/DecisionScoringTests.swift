import PropertyBased
import Testing
@testable import SitegenCore

@Suite("Decision scoring")
struct DecisionScoringTests {
    static let decision = Decision(
        id: "d", title: "D", intro: nil,
        outcomes: [.init(id: "a", title: "A", summary: "", link: nil), .init(id: "b", title: "B", summary: "", link: nil), .init(id: "c", title: "C", summary: "", link: nil)],
        questions: [
            .init(id: "q1", text: "", help: nil, answers: [
                .init(id: "x", label: "", scores: ["a": 2]), .init(id: "y", label: "", scores: ["b": 2, "c": 1]),
            ]),
            .init(id: "q2", text: "", help: nil, answers: [
                .init(id: "x", label: "", scores: ["a": 1, "c": 1]), .init(id: "z", label: "", scores: ["c": 2, "a": -1]),
            ]),
        ],
        rules: [.init(when: ["q2": ["z"]], ruleOut: ["b"], reason: "no b with z")])

    @Test("totals add the chosen answers' scores; the highest remaining outcome wins")
    func winner() {
        let scoring = DecisionScoring(Self.decision)
        #expect(scoring.score(["q1": "x", "q2": "x"]) == .init(totals: [3, 0, 1], firedRules: [], winners: ["a"]))
        #expect(scoring.score(["q1": "y", "q2": "z"]) == .init(totals: [-1, 2, 3], firedRules: [0], winners: ["c"]))
    }

    @Test("equal totals are a tie, in outcome order; no answers is no recommendation")
    func tiesAndEmpty() {
        let scoring = DecisionScoring(Self.decision)
        #expect(scoring.score(["q1": "y"]).winners == ["b"])
        #expect(scoring.score(["q2": "x"]).winners == ["a", "c"])
        #expect(scoring.score([:]).winners == [])
        #expect(scoring.score(["q1": "nonsense"]).winners == [])
    }

    @Test("a rule removes an outcome even when it scores highest")
    func ruleOut() {
        var decision = Self.decision
        decision.rules = [.init(when: ["q1": ["y"]], ruleOut: ["b"], reason: "")]
        let result = DecisionScoring(decision).score(["q1": "y", "q2": "x"])
        #expect(result.totals == [1, 2, 2])
        #expect(result.firedRules == [0])
        #expect(result.winners == ["c"])
    }

    @Test("reachability: an outcome that never wins is reported")
    func reachability() {
        #expect(DecisionScoring(Self.decision).unreachableOutcomes() == [])
        var decision = Self.decision
        decision.questions[0].answers[1].scores = ["c": 1]
        #expect(DecisionScoring(decision).unreachableOutcomes() == ["b"])
        #expect(DecisionScoring(decision).unreachableOutcomes(limit: 3) == nil)
    }

    @Test("property: winners are never ruled out, all share the best total, and nothing left out beats them")
    func winnersProperty() async {
        let answers = Gen.int(in: 0...2).array(of: 2)
        await propertyCheck(input: Gen.int(in: -3...3).array(of: 12), answers) { points, picks in
            var decision = Self.decision
            for (index, point) in points.enumerated() {
                let question = index / 6, answer = (index / 3) % 2, outcome = ["a", "b", "c"][index % 3]
                decision.questions[question].answers[answer].scores[outcome] = point
            }
            var chosen: [String: String] = [:]
            for (question, pick) in picks.enumerated() where pick < 2 {
                chosen[decision.questions[question].id] = decision.questions[question].answers[pick].id
            }
            let result = DecisionScoring(decision).score(chosen)
            let ruledOut = Set(result.firedRules.flatMap { decision.rules[$0].ruleOut })
            let indices = result.winners.map { id in decision.outcomes.firstIndex { $0.id == id }! }
            #expect(Set(result.winners).isDisjoint(with: ruledOut))
            #expect(Set(indices.map { result.totals[$0] }).count <= 1)
            if let best = indices.first.map({ result.totals[$0] }) {
                for (index, outcome) in decision.outcomes.enumerated() where !ruledOut.contains(outcome.id) {
                    #expect(result.totals[index] <= best)
                    #expect(result.totals[index] < best || result.winners.contains(outcome.id))
                }
            } else {
                #expect(chosen.isEmpty)
            }
        }
    }
}
