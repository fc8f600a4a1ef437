/// Turns routes into the URLs written into pages: site-relative ones carry the base path,
/// absolute ones the whole base URL, so a build works under any path prefix.
struct SiteURLs: Sendable {
    /// `https://blog.example.org/pr-42/`
    let baseURL: String
    /// `/pr-42/`
    let basePath: String
    /// `https://blog.example.org`
    let origin: String

    init(config: SiteConfig) {
        baseURL = config.normalizedBaseURL
        basePath = config.basePath
        origin = String(baseURL.dropLast(basePath.count))
    }

    /// `blog/x/` → `/pr-42/blog/x/`
    func path(_ route: String) -> String { basePath + route }

    /// `blog/x/` → `https://blog.example.org/pr-42/blog/x/`
    func absolute(_ route: String) -> String { baseURL + route }

    /// A URL already carrying the base path (or external) made absolute.
    func absolute(url: String) -> String {
        url.hasPrefix("/") && !url.hasPrefix("//") ? origin + url : url
    }
}
