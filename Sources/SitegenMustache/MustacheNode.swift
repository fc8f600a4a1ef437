/// One token of a parsed template.
indirect enum MustacheNode: Sendable {
    /// Literal text, at most one line (with its newline): partial indentation is applied per token.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(MustacheName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(MustacheName, [MustacheNode], inverted: Bool)
    /// `{{>name}}`, `{{>*name}}`, or `{{<name}}…{{/name}}` with block overrides. `indentation` is set for
    /// standalone tags: every line the partial renders gets it.
    case partial(MustacheTarget, indentation: [UInt8]?, overrides: [String: [MustacheNode]]?)
    /// `{{$name}}default{{/name}}`: the innermost override from a parent tag, else the default.
    case block(String, default: [MustacheNode], indentation: [UInt8])
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: collected into the parent's overrides, never rendered.
    case blockDefinition(String, [MustacheNode])
    /// `{{%CONTENT_TYPE: TEXT}}` (no escaping) or `HTML`, for the rest of the template.
    case contentType(html: Bool)
}

extension MustacheNode {
    /// The node rebuilt from new boxes, arrays and strings, sharing no reference with `self`.
    var isolatedCopy: MustacheNode {
        func nodes(_ nodes: [MustacheNode]) -> [MustacheNode] { nodes.map(\.isolatedCopy) }
        switch self {
        case .text(let value): return .text(value.isolatedCopy)
        case .variable(let name, let escaped): return .variable(name.isolatedCopy, escaped: escaped)
        case .section(let name, let body, let inverted): return .section(name.isolatedCopy, nodes(body), inverted: inverted)
        case .partial(let target, let indentation, let overrides):
            let target: MustacheTarget = switch target {
            case .named(let name): .named(name.isolatedCopy)
            case .value(let name): .value(name.isolatedCopy)
            }
            let copiedOverrides = overrides.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.key.isolatedCopy, nodes($0.value)) }) }
            return .partial(target, indentation: indentation?.isolatedCopy, overrides: copiedOverrides)
        case .block(let name, let body, let indentation): return .block(name.isolatedCopy, default: nodes(body), indentation: indentation.isolatedCopy)
        case .blockDefinition(let name, let body): return .blockDefinition(name.isolatedCopy, nodes(body))
        case .contentType: return self
        }
    }

    /// `nodes` with each run of adjacent text joined into one node, at every nesting level. The parser
    /// gives a line at a time, which indentation under a standalone partial needs; the renderer indents
    /// inside joined text instead, so a template's lines are copied in one go.
    static func joiningText(_ nodes: [MustacheNode]) -> [MustacheNode] {
        var joined: [MustacheNode] = []
        joined.reserveCapacity(nodes.count)
        for node in nodes {
            switch node {
            case .text(let bytes):
                if case .text(let previous)? = joined.last {
                    joined[joined.count - 1] = .text(previous + bytes)
                } else {
                    joined.append(node)
                }
            case .section(let name, let body, let inverted):
                joined.append(.section(name, joiningText(body), inverted: inverted))
            case .partial(let target, let indentation, let overrides):
                joined.append(.partial(target, indentation: indentation, overrides: overrides?.mapValues(joiningText)))
            case .block(let name, let body, let indentation):
                joined.append(.block(name, default: joiningText(body), indentation: indentation))
            case .blockDefinition(let name, let body):
                joined.append(.blockDefinition(name, joiningText(body)))
            case .variable, .contentType:
                joined.append(node)
            }
        }
        return joined
    }
}

/// The template a partial or parent tag renders.
enum MustacheTarget: Sendable {
    /// `{{>name}}`.
    case named(String)
    /// `{{>*name}}`: the template named by the value of `name`.
    case value(MustacheName)

    init(_ name: String, dynamic: Bool) {
        self = dynamic ? .value(MustacheName(name, name: name, transforms: [])) : .named(name)
    }
}

/// A variable or section name with its transforms: `.`, `name`, `a.b`, `.a` (only the current object),
/// `empty(list.items)`, or `first()` (the position in the enclosing list). A class, so that rendering a
/// tag retains one reference instead of each of its arrays and strings.
final class MustacheName: Sendable {
    enum Root: Sendable, Hashable {
        /// `.`: the current object.
        case current
        /// `.a.b`: looked up in the current object only.
        case top
        /// `a.b`: `a` from the innermost object that has it, then `b` inside.
        case stack
        /// `first()`, `index()`…: the position in the list being iterated.
        case sequence
    }

    let root: Root
    let path: [String]
    /// Applied first to last (`a(b(x))` applies `b`, then `a`).
    let transforms: [String]
    /// The name as written, for matching a section's closing tag.
    let written: String

    private init(root: Root, path: [String], transforms: [String], written: String) {
        self.root = root
        self.path = path
        self.transforms = transforms
        self.written = written
    }

    /// The name in strings and arrays of its own.
    var isolatedCopy: MustacheName {
        MustacheName(root: root, path: path.map(\.isolatedCopy), transforms: transforms.map(\.isolatedCopy), written: written.isolatedCopy)
    }

    init(_ written: String, name: String, transforms: [String]) {
        self.written = written
        self.transforms = transforms.reversed()
        if name == "." {
            (root, path) = (.current, [])
        } else if name.isEmpty, !transforms.isEmpty {
            (root, path) = (.sequence, [])
        } else if name.first == "." {
            (root, path) = (.top, name.split(separator: ".").map(String.init))
        } else {
            (root, path) = (.stack, name.split(separator: ".").map(String.init))
        }
    }
}

extension [UInt8] {
    /// The bytes in a buffer of their own (`Array(self)` would share this one).
    var isolatedCopy: [UInt8] { withUnsafeBufferPointer { Array($0) } }
}

extension String {
    /// The text in storage of its own (a copy of a String shares its storage; a short one has none).
    var isolatedCopy: String { String(decoding: Array(utf8), as: UTF8.self) }
}
