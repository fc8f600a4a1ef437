/// A parsed template.
public struct MustacheTemplate: Sendable {
    let nodes: [MustacheNode]

    /// Parses `source`; throws the first syntax error, with its line and column.
    public init(_ source: String) throws(MustacheSyntaxError) {
        var parser = MustacheParser(source)
        nodes = MustacheNode.joiningText(try parser.parse())
    }

    /// A template of nodes already parsed (a copy's, say).
    init(nodes: [MustacheNode]) {
        self.nodes = nodes
    }
}

/// Templates by name, for partials (`{{>name}}`) and parents (`{{<name}}`), and the render entry point.
public struct MustacheLibrary: Sendable {
    /// How deep partials, parents and blocks may nest: far beyond any theme, and well within a thread's
    /// stack, so that a template that includes itself without end is an error instead of a crash.
    public static let maximumDepth = 64

    private var templates: [String: MustacheTemplate] = [:]

    public init() {}

    public mutating func register(_ template: MustacheTemplate, named name: String) {
        templates[name] = template
    }

    /// The same templates in memory of their own: rendering retains and releases the nodes it walks, so
    /// threads that render from one library take turns for the cache lines of the nodes' reference
    /// counts. Each worker renders from a copy.
    public func isolatedCopy() -> MustacheLibrary {
        var copy = MustacheLibrary()
        for (name, template) in templates {
            copy.templates[name.isolatedCopy] = MustacheTemplate(nodes: template.nodes.map(\.isolatedCopy))
        }
        return copy
    }

    /// The template `name` rendered with `root` at the bottom of the context stack, as UTF-8; nil when
    /// there is no such template. Values are HTML-escaped unless the template says otherwise. Throws when
    /// partials, parents or blocks nest deeper than `maximumDepth`.
    public func render(_ name: String, _ root: MustacheValue, sizeHint: Int = 16_384) throws(MustacheRenderError) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var renderer = MustacheRenderer(templates: templates, root: root, capacity: sizeHint)
        renderer.render(template.nodes)
        if let failure = renderer.failure { throw failure }
        return renderer.output
    }
}

