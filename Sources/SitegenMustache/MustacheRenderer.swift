#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders nodes into one UTF-8 buffer. The context (object stack, list position, indentation, block
/// overrides, content type) is mutated on the way in and restored on the way out, never copied.
struct MustacheRenderer {
    private let templates: [String: MustacheTemplate]
    private(set) var output: [UInt8] = []
    private var stack: [MustacheValue]
    private var sequence: MustacheSequencePosition?
    private var indentation: [UInt8] = []
    private var overrides: [String: [MustacheNode]] = [:]
    private var html = true
    /// Partials, parents and blocks entered and not yet left.
    private var depth = 0
    /// Why rendering stopped short, if it did.
    private(set) var failure: MustacheRenderError?

    init(templates: [String: MustacheTemplate], root: MustacheValue, capacity: Int) {
        self.templates = templates
        stack = [root]
        output.reserveCapacity(capacity)
    }

    /// One template or section body. Under a standalone partial, a token's output that starts a line
    /// is indented. Once rendering has failed, nothing more is rendered: a template that includes itself
    /// twice would otherwise go on for 2^64 partials after the first one too deep.
    mutating func render(_ nodes: [MustacheNode]) {
        let html = self.html
        defer { self.html = html }
        let start = output.count
        // Each node borrowed from the array's buffer: taking it out would retain and release its box.
        nodes.withUnsafeBufferPointer { nodes in
            for index in nodes.indices where failure == nil {
                let before = output.count
                render(nodes[index])
                if !indentation.isEmpty, output.count > before, before > start, output[before - 1] == UInt8(ascii: "\n") {
                    output.insert(contentsOf: indentation, at: before)
                }
            }
        }
    }

    private mutating func render(_ node: MustacheNode) {
        switch node {
        case .text(let bytes):
            if indentation.isEmpty { output.append(contentsOf: bytes) } else { appendIndented(bytes) }
        case .variable(let name, let escaped):
            guard let value = lookUp(name) else { return }
            if case .utf8(let bytes) = value {
                bytes.withUnsafeBufferPointer { bytes in
                    if escaped && html { HTMLEscape.append(bytes, to: &output) } else { output.append(contentsOf: bytes) }
                }
            } else if escaped && html {
                HTMLEscape.append(value.text, to: &output)
            } else {
                output.append(contentsOf: value.text.utf8)
            }
        case .section(let name, let body, let inverted):
            let value = lookUp(name)
            if inverted { renderInverted(value, body) } else { renderSection(value, body) }
        case .partial(let target, let indentation, let overrides):
            let name: String?
            switch target {
            case .named(let fixed): name = fixed
            case .value(let variable): name = lookUp(variable).flatMap(\.stringValue)
            }
            guard let name, let template = templates[name] else { return }
            renderNested((name, false), template.nodes, indentation: indentation, overrides: overrides, html: true)
        case .block(let name, let body, let indentation):
            renderNested((name, true), overrides[name] ?? body, indentation: indentation, overrides: nil, html: html)
        case .blockDefinition:
            return
        case .contentType(let html):
            self.html = html
        }
    }

    /// Text of several lines under a standalone partial: each line after the first is indented here, as
    /// if it were a token of its own; the first is indented by `render(_:)`, like any token's output that
    /// starts a line.
    private mutating func appendIndented(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { text in
            guard let base = text.baseAddress else { return }
            var lineStart = 0
            while let found = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), text.count - lineStart) {
                let next = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                guard next < text.count else { break }
                output.append(contentsOf: UnsafeBufferPointer(start: base + lineStart, count: next - lineStart))
                output.append(contentsOf: indentation)
                lineStart = next
            }
            output.append(contentsOf: UnsafeBufferPointer(start: base + lineStart, count: text.count - lineStart))
        }
    }

    private mutating func renderSection(_ value: MustacheValue?, _ body: [MustacheNode]) {
        switch value {
        case .none: return
        case .bool(let flag)?: if flag { render(body) }
        case .list(let items)?:
            let saved = sequence
            defer { sequence = saved }
            for (index, item) in items.enumerated() {
                sequence = MustacheSequencePosition(index: index, isLast: index == items.count - 1)
                stack.append(item)
                render(body)
                stack.removeLast()
            }
        case let value?:
            let saved = sequence
            defer { sequence = saved }
            sequence = nil
            stack.append(value)
            render(body)
            stack.removeLast()
        }
    }

    private mutating func renderInverted(_ value: MustacheValue?, _ body: [MustacheNode]) {
        switch value {
        case .none: render(body)
        case .bool(let flag)?: if !flag { render(body) }
        case .list(let items)? where items.isEmpty:
            let saved = sequence
            defer { sequence = saved }
            sequence = nil
            stack.append(.list(items))
            render(body)
            stack.removeLast()
        default: return
        }
    }

    /// A partial or block: its own indentation on top of the current one; a partial also takes the
    /// overrides of a parent tag (outer ones win) and starts outside any list and in HTML. Nothing when
    /// that would nest them deeper than `MustacheLibrary.maximumDepth` (a template that includes itself
    /// without end), which `failure` then records.
    private mutating func renderNested(
        _ nested: (name: String, isBlock: Bool), _ nodes: [MustacheNode], indentation extra: [UInt8]?,
        overrides extraOverrides: [String: [MustacheNode]]?, html: Bool
    ) {
        guard depth < MustacheLibrary.maximumDepth else {
            if failure == nil { failure = .tooDeep(name: nested.name, isBlock: nested.isBlock) }
            return
        }
        let saved = (sequence, indentation, overrides, self.html)
        depth += 1
        defer {
            (sequence, indentation, overrides, self.html) = saved
            depth -= 1
        }
        sequence = nil
        self.html = html
        if let extra { indentation += extra }
        if let extraOverrides {
            overrides.merge(extraOverrides) { outer, _ in outer }
        }
        render(nodes)
    }

    /// The value a name stands for, after its transforms; nil when nothing answers to it.
    private func lookUp(_ name: MustacheName) -> MustacheValue? {
        var value: MustacheValue?
        switch name.root {
        case .current:
            value = stack.last
        case .top:
            value = stack.last.flatMap { Self.resolve(name.path, from: 0, in: $0) }
        case .stack:
            // Borrowed from the stack's buffer: copying each value out to ask it would retain and
            // release its object for every level a name is looked for in.
            value = stack.withUnsafeBufferPointer { frames in
                var index = frames.count
                while index > 0 {
                    index -= 1
                    guard let first = frames[index].field(name.path[0]) else { continue }
                    return name.path.count == 1 ? first : Self.resolve(name.path, from: 1, in: first)
                }
                return nil
            }
        case .sequence:
            guard let sequence, let first = name.transforms.first else { return nil }
            value = sequence.transform(first)
            for transform in name.transforms.dropFirst() {
                value = value.flatMap { MustacheTransforms.apply(transform, to: $0) }
            }
            return value
        }
        for transform in name.transforms {
            value = value.flatMap { MustacheTransforms.apply(transform, to: $0) }
        }
        return value
    }

    /// `path[start...]` looked up field by field from `value`.
    private static func resolve(_ path: [String], from start: Int, in value: MustacheValue) -> MustacheValue? {
        var current = value
        for index in start..<path.count {
            guard let next = current.field(path[index]) else { return nil }
            current = next
        }
        return current
    }
}
