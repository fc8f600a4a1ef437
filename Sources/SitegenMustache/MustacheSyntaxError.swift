/// Why a template does not parse, and where (1-based line and column, in characters).
public struct MustacheSyntaxError: Error, Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `{{#name}}` (or `^`, `$`, `<`) opened at `line`:`column` is never closed.
        case unclosedSection(name: String)
        /// A closing tag names another section than the one it closes.
        case closingTagMismatch(expected: String, found: String)
        /// A tag without its closing delimiter, or a name that is not one.
        case unfinishedTag
        /// `{{=<% %>=}}` that does not give two delimiters.
        case invalidSetDelimiter
        /// `{{$name(x)}}`: blocks take no transforms.
        case transformOnBlock
        /// Something other than a block override or text directly inside `{{<parent}}`.
        case illegalTokenInParent
        /// `{{%…}}` other than `CONTENT_TYPE: HTML` or `CONTENT_TYPE: TEXT`.
        case invalidPragma
    }

    public var kind: Kind
    public var line: Int
    public var column: Int

    public init(_ kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }
}
