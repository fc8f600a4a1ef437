/// The render stage: every page through its template (in parallel), feeds, sitemap, and the files
/// copied as they are. Reports two outputs claiming one path as an error at the source of each.
struct SiteRenderer: Sendable {
    let templates: TemplateRenderer

    func render(_ site: Site, tree: SourceTree, contentCopies: [String: String]) async -> ([OutputFile], [Diagnostic]) {
        let models = ViewModels(site: site)
        let jobs = models.jobs()
        let pages = await jobs.parallelMap { [templates] job in
            OutputFile(path: Routes.outputPath(job.route), text: templates.render(job.template, models.context(for: job)))
        }
        var table = OutputTable()
        for (job, page) in zip(jobs, pages) { table.add(page, origin: origin(of: job, site: site)) }
        let feeds = FeedWriter(models: models)
        let sitemap = SitemapWriter(models: models)
        for file in await feeds.files() + [sitemap.sitemap(jobs), sitemap.robots()] { table.add(file, origin: .generated) }
        for file in DataFiles(data: site.data).files() { table.add(file, origin: .generated) }
        for path in tree.templates.keys.sorted() where path.hasPrefix("templates/assets/") {
            table.add(OutputFile(path: String(path.dropFirst("templates/".count)), contents: .bytes(tree.templates[path]!)), origin: .file(path, nil))
        }
        for (output, source) in contentCopies.sorted(by: { $0.key < $1.key }) {
            table.add(OutputFile(path: output, contents: .bytes(tree.content[source]!)), origin: .file(source, nil))
        }
        for path in tree.staticFiles.keys.sorted() {
            table.add(OutputFile(path: String(path.dropFirst("public/".count)), contents: tree.staticFiles[path]!), origin: .file(path, nil))
        }
        return (table.files, table.diagnostics)
    }

    private func origin(of job: PageJob, site: Site) -> OutputTable.Origin {
        switch job.kind {
        case .article(let index):
            let article = site.articles[index]
            return .file(article.path, article.meta.positions["slug"] ?? FilePosition(line: 1, column: 1))
        case .redirect(let index, _):
            let article = site.articles[index]
            return .file(article.path, article.meta.positions["aliases"])
        default:
            return .generated
        }
    }
}

/// Output files by path; the first claim of a path wins and later ones are reported.
struct OutputTable {
    enum Origin: Equatable {
        case generated
        case file(String, FilePosition?)

        var description: String {
            switch self {
            case .generated: return "a generated page"
            case .file(let path, _): return path
            }
        }
    }

    private(set) var files: [OutputFile] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var owners: [String: Origin] = [:]

    mutating func add(_ file: OutputFile, origin: Origin) {
        if let owner = owners[file.path] {
            diagnostics.append(collision(file.path, owner: owner, origin: origin))
            return
        }
        owners[file.path] = origin
        files.append(file)
    }

    private func collision(_ path: String, owner: Origin, origin: Origin) -> Diagnostic {
        let url = "/" + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
        let message = "\(url) is produced twice: by \(owner.description) and by \(origin.description)"
        switch origin {
        case .file(let file, let position):
            return Diagnostic(.error, file: file, line: position?.line, column: position?.column, message: message)
        case .generated:
            if case .file(let file, let position) = owner {
                return Diagnostic(.error, file: file, line: position?.line, column: position?.column, message: message)
            }
            return Diagnostic(.error, file: nil, message: message)
        }
    }
}
