/// A run of source text with its class (nil: plain).
public struct Token: Sendable, Hashable {
    public var text: String
    public var kind: String?

    public init(text: String, kind: String?) {
        self.text = text
        self.kind = kind
    }
}
