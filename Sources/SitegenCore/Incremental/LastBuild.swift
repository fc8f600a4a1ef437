import SitegenMarkdown

/// The last successful build, kept whole so that an edit which leaves the site's shape alone can be
/// applied to it (`ContentEdit`) instead of running every stage again.
struct LastBuild: Sendable {
    let config: SiteConfig
    let renderer: MarkdownRenderer
    let highlighting: Highlighting?
    let templates: TemplateRenderer
    /// The assembled site with its view models.
    var models: ViewModels
    /// Every page of the site, in render order.
    let jobs: [PageJob]
    /// What the build returned; its diagnostics are sorted and carry their source lines.
    var output: BuildOutput
    /// Source path of each published article → its index in the site's articles.
    let articleIndices: [String: Int]
    /// Output path → index in `output.files`.
    let fileIndices: [String: Int]
    /// Output path → index in `output.manifest.entries`.
    let entryIndices: [String: Int]
    /// How many files the search index's manifest and shards are (`SearchFiles`; the fragments not counted).
    let searchIndexFiles: Int

    init(config: SiteConfig, renderer: MarkdownRenderer, highlighting: Highlighting?, templates: TemplateRenderer, models: ViewModels, jobs: [PageJob], output: BuildOutput) {
        self.config = config
        self.renderer = renderer
        self.highlighting = highlighting
        self.templates = templates
        self.models = models
        self.jobs = jobs
        self.output = output
        articleIndices = Dictionary(models.site.articles.indices.map { (models.site.articles[$0].path, $0) }, uniquingKeysWith: { first, _ in first })
        fileIndices = Dictionary(output.files.indices.map { (output.files[$0].path, $0) }, uniquingKeysWith: { first, _ in first })
        entryIndices = Dictionary(output.manifest.entries.indices.map { (output.manifest.entries[$0].path, $0) }, uniquingKeysWith: { first, _ in first })
        searchIndexFiles = output.manifest.entries.count { $0.kind == .searchIndex && !$0.path.hasPrefix("search/docs/") }
    }
}
