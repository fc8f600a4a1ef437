/// Links written in data files: `#fragment` (on the page that embeds the data), a site path, or an absolute URL.
enum DataLink {
    /// The link as it is published, or why it cannot be.
    static func resolve(_ link: String, basePath: String) -> Result<String, DataProblem> {
        if link.hasPrefix("#") || link.hasPrefix("https://") || link.hasPrefix("http://") || link.hasPrefix("mailto:") {
            return .success(link)
        }
        if link.hasPrefix("/") && !link.hasPrefix("//") { return .success(basePath + link.dropFirst()) }
        return .failure(.init(message: "link '\(link)' must be a '#fragment', a site path starting with '/', or an absolute URL"))
    }
}
