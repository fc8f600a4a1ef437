import Foundation
import SitegenMustache

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
                do throws(MustacheSyntaxError) {
                    library.register(try MustacheTemplate(source.text), named: name)
                } catch {
                    diagnostics.append(source.diagnostic(.error, "template syntax error: \(describe(error.kind))", line: error.line, column: error.column))
                }
            }
        }
        diagnostics += missing(sources)
        return (diagnostics.hasErrors ? nil : TemplateRenderer(library: library, names: Set(sources.keys)), diagnostics)
    }

    /// The same renderer with templates in memory of its own, for one worker (see `MustacheLibrary.isolatedCopy`).
    func isolatedCopy() -> TemplateRenderer {
        TemplateRenderer(library: library.isolatedCopy(), names: names)
    }

    /// Renders the template `name` with `context`, as UTF-8; nothing and an error when its partials,
    /// parents or blocks include themselves without end.
    func render(_ name: String, _ context: PageContext) -> (html: Data, problem: Diagnostic?) {
        do {
            return (try library.render(name, .object(ContextBox(context))).map { Data($0) } ?? Data(), nil)
        } catch {
            switch error {
            case .tooDeep(let nested, let isBlock):
                let what = isBlock ? "block '\(nested)'" : "'\(nested)'"
                let message = "\(what) is nested \(MustacheLibrary.maximumDepth) deep while rendering '\(name)': it includes itself "
                    + "without end (a partial or block that includes itself needs a section that stops it)"
                return (Data(), .error(message, file: isBlock ? "templates/\(name).mustache" : "templates/\(nested).mustache"))
            }
        }
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

    private static func describe(_ kind: MustacheSyntaxError.Kind) -> String {
        switch kind {
        case .unclosedSection(let name): return "section '\(name)' is never closed (missing {{/\(name)}})"
        case .closingTagMismatch(let expected, let found):
            return expected.isEmpty
                ? "closing tag '{{/\(found)}}' has no section to close"
                : "closing tag '{{/\(found)}}' does not match the section it closes ('\(expected)')"
        case .unfinishedTag: return "a tag is not closed with its closing delimiter, or its name is not valid"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformOnBlock: return "a transform cannot be applied to a block"
        case .illegalTokenInParent: return "only block overrides ({{$name}}…{{/name}}) may appear inside a parent tag"
        case .invalidPragma: return "invalid pragma (only {{%CONTENT_TYPE: HTML}} and {{%CONTENT_TYPE: TEXT}} exist)"
        }
    }
}

/// A page's context with its top-level models (`site`, `page`, `article`, …) handed to the engine once:
/// `{{site.title}}` would otherwise copy the whole site model into a new box at every lookup.
private final class ContextBox: MustacheObject {
    private let fields: [(name: String, value: MustacheValue)]

    init(_ context: PageContext) {
        fields = PageContext.fields.compactMap { name, value in FieldsBox.value(value(context)).map { (name, $0) } }
    }

    func field(_ name: String) -> MustacheValue? {
        fields.first { $0.name == name }?.value
    }
}

/// Hands view models to the engine by field name (`TemplateFields`) instead of by reflection.
private final class FieldsBox: MustacheObject {
    let fields: any TemplateFields

    init(_ fields: any TemplateFields) {
        self.fields = fields
    }

    func field(_ name: String) -> MustacheValue? {
        Self.value(fields.field(name))
    }

    /// `value` for the engine. It is consumed, so that its payload (a model, a list, a text) moves into
    /// the result instead of being copied and the original released: a page looks up hundreds of values.
    static func value(_ value: consuming TemplateValue?) -> MustacheValue? {
        switch consume value {
        case .none: return nil
        case .text(let text)?: return .string(text)
        case .flag(let flag)?: return .bool(flag)
        case .number(let number)?: return .int(number)
        case .model(let model)?: return .object(FieldsBox(model))
        case .models(let models)?: return .list(models.map { .object(FieldsBox($0)) })
        case .texts(let texts)?: return .list(texts.map(MustacheValue.string))
        case .html(let html)?: return .utf8(html.utf8)
        }
    }
}

/// Finds `{{> name}}` partials and `{{< name}}` parents in template source.
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
        var tags: [Tag] = []
        let bytes = Array(text.utf8)
        var lineStart = 0, line = 1, position = 0
        while let open = find(UInt8(ascii: "{"), in: bytes[...], from: position) {
            if let newline = bytes[position..<open].lastIndex(of: UInt8(ascii: "\n")) {
                line += bytes[position..<open].count(where: { $0 == UInt8(ascii: "\n") })
                lineStart = newline + 1
            }
            let lineEnd = bytes[open...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            var sigil = open + 2
            while sigil < lineEnd, bytes[sigil] == UInt8(ascii: " ") { sigil += 1 }
            guard sigil < lineEnd, let close = find(UInt8(ascii: "}"), in: bytes[..<lineEnd], from: sigil + 1) else {
                position = lineEnd
                continue
            }
            position = close + 2
            guard bytes[sigil] == UInt8(ascii: ">") || bytes[sigil] == UInt8(ascii: "<") else { continue }
            let name = String(decoding: bytes[(sigil + 1)..<close], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.hasPrefix("*") else { continue }
            let column = String(decoding: bytes[lineStart..<open], as: UTF8.self).count + 1
            tags.append(Tag(sigil: Character(UnicodeScalar(bytes[sigil])), name: name, line: line, column: column))
        }
        return tags
    }

    /// Where `byte` first appears twice in a row in `bytes`, from `start` on.
    private static func find(_ byte: UInt8, in bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.endIndex {
            if bytes[index] == byte, bytes[index + 1] == byte { return index }
            index += 1
        }
        return nil
    }
}
