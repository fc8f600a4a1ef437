/// Decides whether a link in a built page leads somewhere in the same build: an existing file and, for
/// `#fragment`s, an element with that `id`. Links to other sites are not followed; links to the site's own
/// host outside its base path are broken (a preview under `/pr-42/` must not link to the live site's pages).
struct LinkChecker: Sendable {
    /// `/` or `/pr-42/`.
    let basePath: String
    /// `https://preview.example.org`, without a trailing slash.
    let origin: String
    /// Every output path of the build.
    let outputs: Set<String>
    /// The ids of each HTML output.
    let ids: [String: Set<String>]

    /// Why `url`, found on output `page`, leads nowhere; nil when it works or is not ours to check.
    func problem(with url: String, on page: String) -> String? {
        if url.isEmpty { return nil }
        if url.hasPrefix("#") { return fragmentProblem(String(url.dropFirst()), target: page, shown: url) }
        var local = url
        if LinkResolver.hasScheme(url) {
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else { return nil }
            if url.hasPrefix(origin + basePath) {
                local = String(url.dropFirst(origin.count))
            } else if url.hasPrefix(origin + "/") || url == origin {
                return "'\(url)' is on this site's host but outside its base path \(basePath)"
            } else {
                return nil
            }
        } else if url.hasPrefix("//") {
            return nil
        }
        let (path, fragment) = Self.split(local)
        guard let relative = resolve(path, from: page) else {
            return "'\(url)' points outside the site's base path \(basePath)"
        }
        guard let target = target(of: relative) else {
            return "'\(url)' points to \(basePath)\(relative), which is not in the built site"
        }
        guard let fragment, !fragment.isEmpty else { return nil }
        return fragmentProblem(fragment, target: target, shown: url)
    }

    private func fragmentProblem(_ fragment: String, target: String, shown: String) -> String? {
        // `#` and `#top` lead to the top of any page (HTML's "indicated part of the document").
        if fragment.isEmpty || fragment.lowercased() == "top" { return nil }
        guard target.hasSuffix(".html"), let ids = ids[target] else { return nil }
        let id = fragment.removingPercentEncodingSafely
        if ids.contains(id) || ids.contains(fragment) { return nil }
        let page = target.hasSuffix("index.html") ? String(target.dropLast("index.html".count)) : target
        return "'\(shown)' points to an anchor that does not exist: no id '\(id)' on \(basePath)\(page)"
    }

    /// The site-relative path a link's path names, or nil when it leaves the base path.
    private func resolve(_ path: String, from page: String) -> String? {
        let decoded = path.removingPercentEncodingSafely
        if decoded.hasPrefix("/") {
            guard decoded.hasPrefix(basePath) || decoded + "/" == basePath else { return nil }
            let relative = String(decoded.dropFirst(min(basePath.count, decoded.count)))
            return Self.normalizeKeepingSlash(relative)
        }
        let directory = page.lastIndex(of: "/").map { String(page[...$0]) } ?? ""
        let joined = directory + decoded
        if Self.escapesRoot(joined) { return nil }
        return Self.normalizeKeepingSlash(joined)
    }

    /// The output file a site-relative path is served from: `x/` → `x/index.html`, `x` → `x` or `x/index.html`.
    private func target(of relative: String) -> String? {
        if relative.isEmpty || relative.hasSuffix("/") {
            let index = relative + "index.html"
            return outputs.contains(index) ? index : nil
        }
        if outputs.contains(relative) { return relative }
        return outputs.contains(relative + "/index.html") ? relative + "/index.html" : nil
    }

    private static func split(_ url: String) -> (path: String, fragment: String?) {
        let hash = url.firstIndex(of: "#")
        let fragment = hash.map { String(url[url.index(after: $0)...]) }
        let beforeHash = hash.map { String(url[..<$0]) } ?? url
        let path = beforeHash.firstIndex(of: "?").map { String(beforeHash[..<$0]) } ?? beforeHash
        return (path, fragment)
    }

    private static func normalizeKeepingSlash(_ path: String) -> String {
        let normalized = LinkResolver.normalize(path)
        return path.hasSuffix("/") && !normalized.isEmpty ? normalized + "/" : normalized
    }

    private static func escapesRoot(_ path: String) -> Bool {
        var depth = 0
        for segment in path.split(separator: "/") {
            if segment == ".." { depth -= 1 } else if segment != "." { depth += 1 }
            if depth < 0 { return true }
        }
        return false
    }
}
