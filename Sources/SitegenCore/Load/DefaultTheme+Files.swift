import Foundation

extension DefaultTheme {
    /// The built-in theme (the repository's `templates/`, compiled in), keyed by `templates/...` path.
    static var files: [String: Data] {
        Dictionary(uniqueKeysWithValues: encodedFiles.compactMap { entry in
            Data(base64Encoded: entry.base64).map { (entry.path, $0) }
        })
    }
}

extension SourceTree {
    /// Fills in every theme file the site does not provide itself: a site's own template or asset
    /// overrides the built-in one of the same path, and a site without `templates/` gets the whole theme.
    public mutating func addingDefaultTheme() {
        templates.merge(DefaultTheme.files) { own, _ in own }
    }
}
