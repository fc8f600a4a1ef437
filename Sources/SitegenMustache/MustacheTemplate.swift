/// A parsed template.
public struct MustacheTemplate: Sendable {
    let nodes: [MustacheNode]

    /// Parses `source`; throws the first syntax error, with its line and column.
    public init(_ source: String) throws(MustacheSyntaxError) {
        var parser = MustacheParser(source)
        nodes = try parser.parse()
    }
}

/// Templates by name, for partials (`{{>name}}`) and parents (`{{<name}}`), and the render entry point.
public struct MustacheLibrary: Sendable {
    private var templates: [String: MustacheTemplate] = [:]

    public init() {}

    public mutating func register(_ template: MustacheTemplate, named name: String) {
        templates[name] = template
    }

    /// The template `name` rendered with `root` at the bottom of the context stack, as UTF-8; nil when
    /// there is no such template. Values are HTML-escaped unless the template says otherwise.
    public func render(_ name: String, _ root: MustacheValue, sizeHint: Int = 16_384) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var renderer = MustacheRenderer(templates: templates, root: root, capacity: sizeHint)
        renderer.render(template.nodes)
        return renderer.output
    }
}
