/// Where things are published. Routes are site-relative, without the base path, and end with `/` for pages.
enum Routes {
    /// `content/blog/x.md` → `blog/x/`; `content/blog/x/index.md` → `blog/x/`; `slug` replaces the last segment.
    static func article(path: String, slug: String?) -> String {
        var segments = path.split(separator: "/").dropFirst().map(String.init)
        guard var last = segments.popLast() else { return "" }
        if last == "index.md", let folder = segments.popLast() { last = folder } else if last.hasSuffix(".md") { last.removeLast(3) }
        segments.append(slug ?? last)
        return segments.map { segment in
            let slug = Slug.make(segment)
            return slug.isEmpty ? segment : slug
        }.joined(separator: "/") + "/"
    }

    /// The output file of a route: `blog/x/` → `blog/x/index.html`; `404.html` stays as it is.
    static func outputPath(_ route: String) -> String {
        route.isEmpty || route.hasSuffix("/") ? route + "index.html" : route
    }

    /// The route of an alias such as `/old/post/` or `/old/post.html`.
    static func alias(_ alias: String) -> String {
        var route = String(alias.drop { $0 == "/" })
        if !route.isEmpty, !route.hasSuffix("/"), !route.hasSuffix(".html") { route += "/" }
        return route
    }

    /// Page `n` (1-based) of a paginated list at `route`.
    static func page(_ number: Int, of route: String) -> String {
        number <= 1 ? route : "\(route)page/\(number)/"
    }
}
