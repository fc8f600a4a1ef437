/// Which paths of a site the watcher reports: files under `content/`, `templates/` and `public/`, and the config
/// file; never editor leftovers, version-control folders or the output folder.
///
/// Paths are relative to the site root with `/`, except a config file outside the root, which keeps its absolute
/// path (as `SiteLoader.readConfig` names it).
struct WatchFilter: Sendable, Equatable {
    /// The site folders that are watched recursively.
    static let watchedFolders = ["content", "templates", "public"]

    /// The config file's path.
    let configPath: String
    /// The output folder relative to the root, when it lies inside the root.
    let outputPath: String?

    /// The folder holding the config file: `""` for the root, else relative or absolute like `configPath`.
    var configFolder: String {
        guard let slash = configPath.lastIndex(of: "/") else { return "" }
        return slash == configPath.startIndex ? "/" : String(configPath[..<slash])
    }

    /// Whether a change to `path` (a folder when `isDirectory`) matters to the build.
    func includes(_ path: String, isDirectory: Bool) -> Bool {
        if path == configPath { return !isDirectory }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let top = parts.first, Self.watchedFolders.contains(String(top)) else { return false }
        if let outputPath, path == outputPath || path.hasPrefix(outputPath + "/") { return false }
        // The loader skips hidden files in content/ and templates/ but copies them from public/ (`.well-known/`).
        let keepsHidden = top == "public"
        for part in parts.dropFirst() {
            let name = String(part)
            if name.isEmpty || Self.isEditorLeftover(name) { return false }
            if name.hasPrefix("."), !keepsHidden || Self.isToolFolder(name) { return false }
        }
        return true
    }

    /// Swap, backup, lock and temporary files that editors write next to the file they save.
    static func isEditorLeftover(_ name: String) -> Bool {
        if name == "4913" || name == ".DS_Store" { return true }  // 4913: vim's can-I-write probe
        if name.hasSuffix("~") || name.hasPrefix(".#") || name.hasPrefix(".~") { return true }
        if name.count > 1, name.hasPrefix("#"), name.hasSuffix("#") { return true }  // Emacs auto-save
        if leftoverSuffixes.contains(where: { name.hasSuffix($0) }) { return true }
        if name.hasPrefix(".goutputstream-") { return true }  // GLib's atomic save
        // Vim swap files go `.x.swp`, `.x.swo`, `.x.swn`, … when the first names are taken.
        if name.hasPrefix("."), name.utf8.count > 4, name.dropLast().hasSuffix(".sw") { return true }
        return false
    }

    private static let leftoverSuffixes = [".swp", ".swx", ".swo", ".tmp", ".kate-swp", "___jb_tmp___", "___jb_old___"]

    /// Hidden folders of tools, never site content even under `public/`.
    private static func isToolFolder(_ name: String) -> Bool {
        name == ".git" || name == ".hg" || name == ".svn" || name == ".sitegen" || name.hasPrefix(".build")
    }
}
