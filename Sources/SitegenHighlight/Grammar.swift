/// A language for the highlighter, as data: named states, each an ordered list of rules. Scanning starts in
/// `root`; at each point the rule whose match starts earliest wins (the first listed on a tie), the text
/// before it takes the state's default class, and the rule may enter another state or leave this one.
public struct Grammar: Sendable, Hashable {
    /// `Swift`, shown nowhere but in diagnostics and `data-lang`.
    public var name: String
    /// The fence names that select it: `swift`; `sh`, `bash`, `shell`.
    public var aliases: [String]
    /// Rules by state name; `root` must exist.
    public var states: [String: [Rule]]
    /// Per state, the class of text that no rule matches (nil: plain text).
    public var defaults: [String: String]
    /// Whether patterns ignore case (SQL).
    public var caseInsensitive: Bool

    public init(name: String, aliases: [String], states: [String: [Rule]], defaults: [String: String] = [:], caseInsensitive: Bool = false) {
        self.name = name
        self.aliases = aliases
        self.states = states
        self.defaults = defaults
        self.caseInsensitive = caseInsensitive
    }

    /// One rule: a pattern, the class of what it matches, and where scanning goes next.
    public struct Rule: Sendable, Hashable {
        /// An ICU regular expression.
        public var pattern: String
        /// The class of the match; nil leaves it plain (or the state's default).
        public var token: String?
        /// Classes of the pattern's capture groups, in order (nil entries: the rule's `token`); text of the
        /// match outside every group takes the rule's `token`.
        public var groups: [String?]
        public var action: Action

        public init(pattern: String, token: String?, groups: [String?] = [], action: Action = .none) {
            self.pattern = pattern
            self.token = token
            self.groups = groups
            self.action = action
        }
    }

    /// What a match does to the state stack.
    public enum Action: Sendable, Hashable {
        case none
        /// Enters the named state.
        case push(String)
        /// Leaves the current state (the root is never left).
        case pop
    }

    /// The classes a rule may give, as `hl-<class>` in HTML.
    public static let classes: Set<String> = [
        "keyword", "type", "builtin", "function", "variable", "constant", "property", "attribute", "tag",
        "string", "escape", "regex", "number", "comment", "doc", "operator", "punctuation", "meta",
        "heading", "emphasis", "strong", "link", "code", "inserted", "deleted", "changed", "label",
    ]
}
