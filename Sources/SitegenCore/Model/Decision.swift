/// A decision helper: questions whose answers score outcomes, and rules that rule outcomes out.
/// Built from a data file under `content/data/decisions/`; its JSON form
/// (`/data/decision-helper/<id>.json`) is this type encoded, with a `version`.
public struct Decision: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var intro: String?
    public var outcomes: [Outcome]
    public var questions: [Question]
    public var rules: [Rule]

    /// A possible recommendation.
    public struct Outcome: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        public var summary: String
        /// Where the article argues it: `#fragment`, a site path with the base path, or an absolute URL.
        public var link: String?
    }

    public struct Question: Sendable, Hashable, Codable {
        public var id: String
        public var text: String
        public var help: String?
        public var answers: [Answer]
    }

    public struct Answer: Sendable, Hashable, Codable {
        public var id: String
        public var label: String
        /// Outcome id → points; outcomes not listed get 0.
        public var scores: [String: Int]
    }

    /// A hard constraint: when every listed question has one of the listed answers, the outcomes are ruled out.
    public struct Rule: Sendable, Hashable, Codable {
        /// Question id → answer ids, any of which matches.
        public var when: [String: [String]]
        public var ruleOut: [String]
        public var reason: String

        enum CodingKeys: String, CodingKey {
            case when, reason
            case ruleOut = "rule_out"
        }
    }
}
