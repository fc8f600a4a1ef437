import Foundation

/// The load edge: reads a site folder from disk into a `SourceTree`.
public struct SiteLoader: Sendable {
    /// The site root (the folder holding `content/`).
    public let root: URL
    /// The config file; `sitegen.yaml` in the root when nil.
    public let configFile: URL?
    /// Fill in theme files the site lacks from the built-in theme.
    public let useDefaultTheme: Bool

    public init(root: URL, configFile: URL? = nil, useDefaultTheme: Bool = true) {
        self.root = root.standardizedFileURL
        self.configFile = configFile?.standardizedFileURL
        self.useDefaultTheme = useDefaultTheme
    }

    /// Reads `content/`, `templates/`, `public/` and the config. Unreadable files become diagnostics.
    /// Theme files the site does not have come from the built-in default theme.
    public func load() throws -> SourceTree {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildFailure(diagnostics: [.error("no site folder at \(root.path)", file: nil)])
        }
        var tree = SourceTree()
        var problems: [Diagnostic] = []
        tree.content = readAll("content", into: &problems)
        tree.templates = readAll("templates", into: &problems)
        if useDefaultTheme { tree.addingDefaultTheme() }
        for path in files(under: "public", skipHidden: false) {
            tree.staticFiles[path] = .disk(root.appendingPathComponent(path))
        }
        do {
            tree.config = try readConfig()
        } catch let failure as BuildFailure {
            problems += failure.diagnostics
        }
        if !problems.isEmpty { throw BuildFailure(diagnostics: problems) }
        return tree
    }

    /// Brings `tree` up to date with the files at `paths` (root-relative; a missing path was deleted, a
    /// folder is read whole), as `load()` would read them now, without reading anything else.
    public func reload(_ tree: inout SourceTree, paths: Set<String>) throws {
        var problems: [Diagnostic] = []
        let configPath = relativePath(configFile ?? root.appendingPathComponent(SiteConfig.fileName))
        for path in paths.sorted() {
            if path == configPath {
                do { tree.config = try readConfig() } catch let failure as BuildFailure { problems += failure.diagnostics }
                continue
            }
            guard let folder = ["content", "templates", "public"].first(where: { path.hasPrefix($0 + "/") }) else { continue }
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory)
            let present = exists && isDirectory.boolValue ? Set(files(under: path, skipHidden: folder != "public")) : []
            // Everything the tree holds at or under `path` is dropped, then what is there now is read.
            remove(path, folder: folder, from: &tree)
            let hidden = path.split(separator: "/").contains { ($0.hasPrefix(".") && folder != "public") || Self.isEditorLeftover(String($0)) }
            let current = exists && !isDirectory.boolValue && !hidden ? [path] : present.sorted()
            for file in current { add(file, folder: folder, to: &tree, problems: &problems) }
        }
        if useDefaultTheme { tree.addingDefaultTheme() }
        if !problems.isEmpty { throw BuildFailure(diagnostics: problems) }
    }

    private func remove(_ path: String, folder: String, from tree: inout SourceTree) {
        let under = path + "/"
        switch folder {
        case "content": tree.content = tree.content.filter { $0.key != path && !$0.key.hasPrefix(under) }
        case "templates": tree.templates = tree.templates.filter { $0.key != path && !$0.key.hasPrefix(under) }
        default: tree.staticFiles = tree.staticFiles.filter { $0.key != path && !$0.key.hasPrefix(under) }
        }
    }

    private func add(_ path: String, folder: String, to tree: inout SourceTree, problems: inout [Diagnostic]) {
        if folder == "public" {
            tree.staticFiles[path] = .disk(root.appendingPathComponent(path))
            return
        }
        do {
            let data = try Data(contentsOf: root.appendingPathComponent(path))
            if folder == "content" { tree.content[path] = data } else { tree.templates[path] = data }
        } catch {
            problems.append(.error("cannot read file: \(error.localizedDescription)", file: path))
        }
    }

    /// `templates/` alone (with the built-in theme's files the site lacks), for commands that need no content.
    public func loadTemplates() throws -> [String: Data] {
        var tree = SourceTree()
        var problems: [Diagnostic] = []
        tree.templates = readAll("templates", into: &problems)
        if useDefaultTheme { tree.addingDefaultTheme() }
        if !problems.isEmpty { throw BuildFailure(diagnostics: problems) }
        return tree.templates
    }

    /// The config file's path (relative to the root) and bytes; nil when the default file does not exist.
    public func readConfig() throws -> (path: String, text: Data)? {
        let config = configFile ?? root.appendingPathComponent(SiteConfig.fileName)
        guard FileManager.default.fileExists(atPath: config.path) else {
            if configFile == nil { return nil }
            throw BuildFailure(diagnostics: [.error("config file not found", file: relativePath(config))])
        }
        do {
            return (relativePath(config), try Data(contentsOf: config))
        } catch {
            throw BuildFailure(diagnostics: [.error("cannot read the config file: \(error.localizedDescription)", file: relativePath(config))])
        }
    }

    /// Every file `files(under:)` lists in `folder`, read on all cores (a large site's content is thousands
    /// of files, and reading them one after another was most of the load's time).
    private func readAll(_ folder: String, into problems: inout [Diagnostic]) -> [String: Data] {
        let paths = files(under: folder, skipHidden: true)
        let base = root.path + "/"
        let results = paths.concurrentMap(chunkSize: 64) { path in Result { try FileSystemCalls.read(base + path) } }
        var contents: [String: Data] = [:]
        contents.reserveCapacity(paths.count)
        for (path, result) in zip(paths, results) {
            switch result {
            case .success(let data): contents[path] = data
            case .failure(let error): problems.append(.error("cannot read file: \(error.localizedDescription)", file: path))
            }
        }
        return contents
    }

    /// Regular files under `folder` (symbolic links are not followed), as root-relative paths with `/`,
    /// sorted. Editor leftovers are skipped, and hidden files and folders when `skipHidden`.
    func files(under folder: String, skipHidden: Bool) -> [String] {
        FileSystemCalls.regularFiles(under: root.path + "/" + folder) { name in
            Self.isEditorLeftover(name) || (skipHidden && name.hasPrefix(".")) || name == ".DS_Store"
        }.map { folder + "/" + $0 }.sorted()
    }

    /// Swap, backup and probe files that editors leave next to the files they save.
    static func isEditorLeftover(_ name: String) -> Bool {
        name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name == "4913" || name.hasPrefix(".#")
    }

    private func relativePath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
