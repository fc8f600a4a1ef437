import Foundation

/// `sitegen check`'s extra pass over a built site, in memory: every `href` and `src` of every page must
/// lead to a file of the build, and every `#fragment` to an element with that id. A problem in an
/// article's body is reported at the link in its Markdown; one from a template, once per template and URL.
struct SiteChecker: Sendable {
    let site: Site
    /// Routes of articles that failed on their own errors: links to them are not broken links.
    let unbuiltRoutes: Set<String>

    func linkDiagnostics(_ files: [OutputFile]) async -> [Diagnostic] {
        let pages = files.compactMap { file -> (String, Data)? in
            guard file.path.hasSuffix(".html"), case .bytes(let data) = file.contents else { return nil }
            return (file.path, data)
        }
        let scans = await pages.parallelMap(workers: site.config.workers) { ($0.0, HTMLScan([UInt8]($0.1))) }
        let urls = SiteURLs(config: site.config)
        let checker = LinkChecker(
            basePath: urls.basePath, origin: urls.origin,
            outputs: Set(files.map(\.path)).union(unbuiltRoutes.map(Routes.outputPath)),
            ids: Dictionary(scans.map { ($0.0, $0.1.ids) }, uniquingKeysWith: { first, _ in first }))
        let origins = pageOrigins()
        let images = articleImages()
        let findings = await scans.parallelMap(workers: site.config.workers) { [site] path, scan in
            Self.findings(on: path, scan: scan, checker: checker, origin: origins[path], site: site, images: images)
        }
        return Self.grouped(findings.flatMap { $0 }, basePath: urls.basePath)
    }

    /// Where a page comes from: its template, and its article when it is an article page.
    struct PageOrigin: Sendable {
        let template: String
        let article: Int?
    }

    private func pageOrigins() -> [String: PageOrigin] {
        var origins: [String: PageOrigin] = [:]
        for job in ViewModels(site: site).jobs() {
            var article: Int?
            if case .article(let index) = job.kind { article = index }
            origins[Routes.outputPath(job.route)] = PageOrigin(template: job.template, article: article)
        }
        return origins
    }

    /// Each article's `image` URL with where the front matter names it: pages that show the image (the
    /// article, list cards) report a missing one there, once.
    private func articleImages() -> [String: (path: String, position: FilePosition)] {
        var images: [String: (path: String, position: FilePosition)] = [:]
        for article in site.articles {
            guard let url = article.imageURL, images[url] == nil else { continue }
            images[url] = (article.path, article.meta.positions["image"] ?? FilePosition(line: 1, column: 1))
        }
        return images
    }

    /// One broken link: at a Markdown position, or in a template's output on one page.
    private enum Finding: Sendable {
        case markdown(Diagnostic)
        case template(template: String, page: String, message: String)
    }

    private static func findings(
        on page: String, scan: HTMLScan, checker: LinkChecker, origin: PageOrigin?, site: Site,
        images: [String: (path: String, position: FilePosition)]
    ) -> [Finding] {
        var unclaimed = origin?.article.map { site.articles[$0].linkSites } ?? []
        var findings: [Finding] = []
        for link in scan.links {
            let siteIndex = unclaimed.firstIndex { $0.url == link.url }
            let written = siteIndex.map { unclaimed.remove(at: $0) }
            // An absolute URL an author wrote may name anything on the host, not only what sitegen builds.
            if written != nil, link.url.contains("://") { continue }
            guard let problem = checker.problem(with: link.url, on: page) else { continue }
            if let image = images[link.url] {
                findings.append(.markdown(Diagnostic(.error, file: image.path, line: image.position.line, column: image.position.column, message: "broken link: \(problem)")))
            } else if let written, let index = origin?.article {
                let path = site.articles[index].path
                findings.append(.markdown(Diagnostic(.error, file: path, line: written.position.line, column: written.position.column, message: "broken link: \(problem)")))
            } else {
                findings.append(.template(template: origin?.template ?? "page", page: page, message: problem))
            }
        }
        return findings
    }

    /// Markdown findings as they are; template findings once per template and problem, naming the pages.
    private static func grouped(_ findings: [Finding], basePath: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: Set<Diagnostic> = []
        var pagesByProblem: [String: [String]] = [:]
        var keys: [(template: String, message: String)] = []
        for finding in findings {
            switch finding {
            case .markdown(let diagnostic): if seen.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
            case .template(let template, let page, let message):
                let key = template + "\u{0}" + message
                if pagesByProblem[key] == nil { keys.append((template, message)) }
                pagesByProblem[key, default: []].append(page)
            }
        }
        for (template, message) in keys {
            let pages = pagesByProblem[template + "\u{0}" + message]!.sorted().map { page in
                basePath + (page.hasSuffix("index.html") ? String(page.dropLast("index.html".count)) : page)
            }
            let where_ = pages.count == 1 ? "on \(pages[0])" : "on \(pages.count) pages, first \(pages[0])"
            diagnostics.append(.error("broken link in the output of templates/\(template).mustache \(where_): \(message)", file: "templates/\(template).mustache"))
        }
        return diagnostics
    }
}
