import Yams

/// Reads an article's YAML front matter into `FrontMatter`, collecting every problem.
struct FrontMatterParser {
    let block: YAMLBlock

    /// The front matter, or nil when a required field is missing or wrong; diagnostics either way.
    func parse() -> (FrontMatter?, [Diagnostic]) {
        let entries: [YAMLEntry]
        switch block.topLevelMapping(what: "front matter") {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let value): entries = value
        }
        var reader = YAMLValueReader(block: block)
        var fields = Fields()
        for entry in entries { read(entry, into: &fields, reader: &reader) }
        let frontMatter = required(fields, reader: &reader)
        return (frontMatter, reader.diagnostics)
    }

    /// Values as read, before required fields are checked.
    private struct Fields {
        var title: String?
        var date: PublishDate?
        var matter = FrontMatter(title: "", date: PublishDate(year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, offsetSeconds: 0, hasTime: false))
        var sawTitle = false
        var sawDate = false
    }

    private func read(_ entry: YAMLEntry, into fields: inout Fields, reader: inout YAMLValueReader) {
        if let mark = entry.key.mark {
            fields.matter.positions[entry.name] = FilePosition(line: mark.line + block.firstLine - 1, column: mark.column)
        }
        switch entry.name {
        case "title":
            fields.sawTitle = true
            fields.title = reader.string(entry)
        case "date":
            fields.sawDate = true
            fields.date = date(entry, reader: &reader)
        case "updated": fields.matter.updated = date(entry, reader: &reader)
        case "description": fields.matter.description = description(entry, reader: &reader)
        case "category": fields.matter.category = reader.string(entry).flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 }
        case "author": fields.matter.author = reader.string(entry)
        case "image": fields.matter.image = reader.string(entry)
        case "image_alt": fields.matter.imageAlt = reader.string(entry)
        case "slug": fields.matter.slug = slug(entry, reader: &reader)
        case "draft": fields.matter.draft = reader.bool(entry) ?? false
        case "tags": fields.matter.tags = reader.stringList(entry)?.map(\.value).filter { !$0.trimmingSpaces.isEmpty } ?? []
        case "aliases": fields.matter.aliases = aliases(entry, reader: &reader)
        case "facts": fields.matter.facts = facts(entry, reader: &reader)
        default: reader.unknownKey(entry, known: FrontMatter.keys, severity: .warning, in: nil)
        }
    }

    private func required(_ fields: Fields, reader: inout YAMLValueReader) -> FrontMatter? {
        let start = FilePosition(line: block.firstLine - 1, column: 1)
        if !fields.sawTitle {
            reader.diagnostics.append(block.source.diagnostic(.error, "missing required field 'title'", line: start.line, column: 1))
        } else if let title = fields.title, title.trimmingSpaces.isEmpty, let position = fields.matter.positions["title"] {
            reader.diagnostics.append(block.source.diagnostic(.error, "'title' is empty", line: position.line, column: position.column))
        } else if fields.title == nil, let position = fields.matter.positions["title"] {
            reader.diagnostics.append(block.source.diagnostic(.error, "'title' is empty", line: position.line, column: position.column))
        }
        if !fields.sawDate {
            reader.diagnostics.append(block.source.diagnostic(.error, "missing required field 'date'", line: start.line, column: 1))
        }
        guard let title = fields.title?.trimmingSpaces, !title.isEmpty, let date = fields.date else { return nil }
        var matter = fields.matter
        matter.title = title
        matter.date = date
        return matter
    }

    private func date(_ entry: YAMLEntry, reader: inout YAMLValueReader) -> PublishDate? {
        guard let text = entry.value.text else {
            reader.error("'\(entry.name)' must be a date such as 2026-03-16 or 2026-03-16T09:30:00+01:00, found \(entry.value.kindDescription)", at: entry.value)
            return nil
        }
        guard let date = PublishDate.parse(text) else {
            reader.error("'\(entry.name)' is not a valid date: '\(text)' (use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+HH:MM)", at: entry.value)
            return nil
        }
        return date
    }

    /// Search engines and social cards cut descriptions at about 160 characters.
    static let descriptionLimit = 160

    private func description(_ entry: YAMLEntry, reader: inout YAMLValueReader) -> String? {
        guard let text = reader.string(entry) else {
            if entry.value.isNull { reader.diagnostics.append(block.diagnostic(.warning, "'description' is empty; lists, feeds and search results show it", at: entry.value.mark ?? entry.key.mark)) }
            return nil
        }
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty {
            reader.diagnostics.append(block.diagnostic(.warning, "'description' is empty; lists, feeds and search results show it", at: entry.value.mark))
            return nil
        }
        if trimmed.count > Self.descriptionLimit {
            reader.diagnostics.append(block.diagnostic(.warning, "'description' is \(trimmed.count) characters; search results cut it at about \(Self.descriptionLimit)", at: entry.value.mark))
        }
        return text
    }

    private func slug(_ entry: YAMLEntry, reader: inout YAMLValueReader) -> String? {
        guard let text = reader.string(entry) else { return nil }
        let slug = Slug.make(text)
        if slug.isEmpty { reader.error("'slug' has no letters or digits", at: entry.value) }
        return slug.isEmpty ? nil : slug
    }

    private func facts(_ entry: YAMLEntry, reader: inout YAMLValueReader) -> [String: DataValue] {
        var facts: [String: DataValue] = [:]
        for fact in reader.mapping(entry) {
            if let value = reader.dataValue(fact.value, what: "fact '\(fact.name)'") { facts[fact.name] = value }
        }
        return facts
    }

    private func aliases(_ entry: YAMLEntry, reader: inout YAMLValueReader) -> [String] {
        var result: [String] = []
        for (value, node) in reader.stringList(entry) ?? [] {
            guard value.hasPrefix("/"), !value.contains("://"), !value.contains(".."), !value.contains("?"), !value.contains("#") else {
                reader.error("alias '\(value)' must be a site path starting with '/' (for example /old/post/)", at: node)
                continue
            }
            result.append(value)
        }
        return result
    }
}
