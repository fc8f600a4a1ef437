import Yams

/// Reads `sitegen.yaml` into a `SiteConfig`, reporting unknown keys and wrong types at their positions.
enum ConfigParser {
    static let keys = [
        "title", "description", "base_url", "language", "author", "page_size",
        "feed_length", "related_count", "categories", "markdown", "search", "preview", "preview_label",
    ]
    static let markdownKeys = ["unsafe_html", "smart_punctuation", "highlight"]

    static func parse(_ data: [UInt8], path: String) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        let source: SourceText
        switch SourceText.decode(.init(data), path: path) {
        case .failure(let diagnostic): return (config, [diagnostic])
        case .success(let text): source = text
        }
        let block = YAMLBlock(source: source, yaml: source.text, firstLine: 1)
        switch block.topLevelMapping(what: "the configuration") {
        case .failure(let diagnostic): return (config, [diagnostic])
        case .success(let entries):
            var reader = YAMLValueReader(block: block)
            for entry in entries { apply(entry, to: &config, reader: &reader) }
            if !config.baseURL.hasPrefix("http://") && !config.baseURL.hasPrefix("https://") {
                let entry = entries.first { $0.name == "base_url" }
                reader.diagnostics.append(block.diagnostic(.error, "base_url must be an absolute http(s) URL such as https://blog.example.org/", at: entry?.value.mark))
            }
            return (config, reader.diagnostics)
        }
    }

    private static func apply(_ entry: YAMLEntry, to config: inout SiteConfig, reader: inout YAMLValueReader) {
        switch entry.name {
        case "title": reader.string(entry, into: &config.title)
        case "description": reader.string(entry, into: &config.description)
        case "base_url": reader.string(entry, into: &config.baseURL)
        case "language": reader.string(entry, into: &config.language)
        case "author": reader.string(entry, into: &config.author)
        case "page_size": reader.integer(entry, into: &config.pageSize, minimum: 1)
        case "feed_length": reader.integer(entry, into: &config.feedLength, minimum: 0)
        case "related_count": reader.integer(entry, into: &config.relatedCount, minimum: 0)
        case "preview": reader.bool(entry, into: &config.preview)
        case "search": reader.bool(entry, into: &config.search)
        case "preview_label": config.previewLabel = reader.string(entry)
        case "categories":
            if let values = reader.stringList(entry) { config.categories = values.map(\.value) }
        case "markdown":
            for nested in reader.mapping(entry) {
                switch nested.name {
                case "unsafe_html": reader.bool(nested, into: &config.markdown.unsafeHTML)
                case "smart_punctuation": reader.bool(nested, into: &config.markdown.smartPunctuation)
                case "highlight": reader.bool(nested, into: &config.markdown.highlight)
                default: reader.unknownKey(nested, known: markdownKeys, severity: .error, in: "markdown")
                }
            }
        default: reader.unknownKey(entry, known: keys, severity: .error, in: nil)
        }
    }
}
