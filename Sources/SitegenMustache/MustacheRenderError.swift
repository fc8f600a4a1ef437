/// Why a template could not be rendered.
public enum MustacheRenderError: Error, Equatable, Sendable {
    /// Partials, parents or blocks nested deeper than `MustacheLibrary.maximumDepth`: the partial (or
    /// parent) or the block that went past it, which includes itself, or is included by what it includes,
    /// without end.
    case tooDeep(name: String, isBlock: Bool)
}
