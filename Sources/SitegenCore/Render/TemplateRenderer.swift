import Foundation
import Mustache

/// The only file that touches the template engine. Parses every template once, checks that the
/// templates the build needs and every partial they name exist, and renders view models.
struct TemplateRenderer: Sendable {
    /// Templates every site needs, by name (path under `templates/` without `.mustache`).
    static let required = ["article", "list", "terms", "archive", "404", "redirect"]

    private let library: MustacheLibrary
    /// Every template's name.
    let names: Set<String>

    /// Parses `templates/**/*.mustache`; nil with diagnostics when any is missing or does not parse.
    static func make(templates: [String: Data]) -> (TemplateRenderer?, [Diagnostic]) {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceText] = [:]
        for path in templates.keys.sorted() where path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            switch SourceText.decode(templates[path]!, path: path) {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(let source):
                sources[name] = source
                do {
                    library.register(try MustacheTemplate(string: source.text), named: name)
                } catch let error as MustacheTemplate.ParserError {
                    diagnostics.append(syntaxError(error, in: source))
                } catch {
                    diagnostics.append(source.diagnostic(.error, "template syntax error: \(error)", line: 1, column: 1))
                }
            }
        }
        diagnostics += missing(sources)
        return (diagnostics.hasErrors ? nil : TemplateRenderer(library: library, names: Set(sources.keys)), diagnostics)
    }

    /// Renders the template `name` with `context`.
    func render(_ name: String, _ context: PageContext) -> String {
        library.render(FieldsBox(context), withTemplate: name) ?? ""
    }

    /// Required templates that are absent, and partials or parents named but not defined.
    private static func missing(_ sources: [String: SourceText]) -> [Diagnostic] {
        var diagnostics = required.filter { sources[$0] == nil }.map {
            Diagnostic.error("missing template: the build needs templates/\($0).mustache", file: "templates/\($0).mustache")
        }
        for name in sources.keys.sorted() {
            let source = sources[name]!
            for reference in TemplateTags.references(in: source.text) where sources[reference.name] == nil {
                diagnostics.append(source.diagnostic(.error, "missing template '\(reference.name)' (no templates/\(reference.name).mustache)", line: reference.line, column: reference.column))
            }
        }
        return diagnostics
    }

    /// Where the parser gave up, except for an unclosed section, which is reported where it opens.
    private static func syntaxError(_ error: MustacheTemplate.ParserError, in source: SourceText) -> Diagnostic {
        if case .expectedSectionEnd = error.error as? MustacheTemplate.Error, let open = TemplateTags.unclosedSection(in: source.text) {
            return source.diagnostic(.error, "template syntax error: section '\(open.name)' is never closed (missing {{/\(open.name)}})", line: open.line, column: open.column)
        }
        return source.diagnostic(.error, "template syntax error: \(describe(error.error))", line: error.context.lineNumber, column: error.context.columnNumber)
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: return "a closing tag does not match the section it closes"
        case .unfinishedName: return "a tag is not closed with '}}'"
        case .expectedSectionEnd: return "a section is never closed (missing {{/name}})"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot be applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only block overrides may appear inside a parent tag"
        case .textInsideInheritSection: return "text is not allowed directly inside a parent tag"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "invalid pragma"
        case .none: return "\(error)"
        }
    }
}

/// Hands view models to the engine by field name (`TemplateFields`) instead of by reflection.
private struct FieldsBox: MustacheParent {
    let fields: any TemplateFields

    init(_ fields: any TemplateFields) {
        self.fields = fields
    }

    func child(named name: String) -> Any? {
        Self.wrap(fields.field(name))
    }

    private static func wrap(_ value: Any?) -> Any? {
        switch value {
        case let model as any TemplateFields: return FieldsBox(model)
        case let models as [any TemplateFields]: return models.map(FieldsBox.init)
        default: return value
        }
    }
}

/// Finds tags in template source: `{{> name}}` partials, `{{< name}}` parents, and sections left open.
/// (Templates that change delimiters with `{{=<% %>=}}` are read with the default ones.)
enum TemplateTags {
    struct Tag: Equatable {
        let sigil: Character
        let name: String
        let line: Int
        let column: Int
    }

    /// Partial and parent references.
    static func references(in text: String) -> [Tag] {
        tags(in: text).filter { ($0.sigil == ">" || $0.sigil == "<") && !$0.name.hasPrefix("*") }
    }

    /// The innermost section (`#`, `^`, `$`, `<`) that has no closing tag.
    static func unclosedSection(in text: String) -> Tag? {
        var open: [Tag] = []
        for tag in tags(in: text) {
            if "#^$<".contains(tag.sigil) {
                open.append(tag)
            } else if tag.sigil == "/", let index = open.lastIndex(where: { $0.name == tag.name }) {
                open.removeSubrange(index...)
            }
        }
        return open.last
    }

    private static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...].drop { $0 == " " }
                guard let sigil = afterOpen.first, let close = afterOpen.range(of: "}}") else { break }
                let name = afterOpen[afterOpen.index(after: afterOpen.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                if !name.isEmpty { tags.append(Tag(sigil: sigil, name: name, line: lineIndex + 1, column: column)) }
                rest = afterOpen[close.upperBound...]
            }
        }
        return tags
    }
}
