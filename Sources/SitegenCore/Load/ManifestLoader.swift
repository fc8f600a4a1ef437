import Foundation

/// The read edge of `sitegen diff`: a manifest file, or a built folder with its `.sitegen/manifest.json`.
/// A folder without one (built by an older sitegen, or copied without `.sitegen/`) is hashed file by file;
/// its titles and sources are then unknown and its kinds guessed from the paths, which `note` says.
public struct ManifestLoader: Sendable {
    /// A manifest file or an output folder.
    public let location: URL

    /// Reads `location` when `load()` is called.
    public init(location: URL) {
        self.location = location.standardizedFileURL
    }

    /// A manifest, and a note for the reader when it was made by hashing a folder.
    public struct Loaded: Sendable {
        public var manifest: Manifest
        /// Set when the manifest was made by hashing a folder: says what is unknown.
        public var note: String?
    }

    /// Throws `ManifestError` when the location does not exist or holds no readable manifest.
    public func load() throws -> Loaded {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: location.path, isDirectory: &isDirectory) else {
            throw ManifestError("\(location.path): no such file or folder")
        }
        guard isDirectory.boolValue else { return Loaded(manifest: try read(location)) }
        let file = location.appendingPathComponent(Manifest.path)
        if FileManager.default.fileExists(atPath: file.path) { return Loaded(manifest: try read(file)) }
        let note = "\(location.path) has no \(Manifest.path): its files were hashed, their titles and sources are unknown and their kinds guessed from their paths"
        return Loaded(manifest: try hashFolder(), note: note)
    }

    private func read(_ file: URL) throws -> Manifest {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw ManifestError("\(file.path): cannot read it: \(error.localizedDescription)")
        }
        do {
            return try Manifest(json: data)
        } catch let error as ManifestError {
            throw ManifestError("\(file.path): \(error.description)")
        }
    }

    /// Every regular file outside `.sitegen/`, hashed.
    private func hashFolder() throws -> Manifest {
        guard let enumerator = FileManager.default.enumerator(at: location, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw ManifestError("\(location.path): cannot list the folder")
        }
        let prefix = location.path.hasSuffix("/") ? location.path : location.path + "/"
        var entries: [Manifest.Entry] = []
        for case let url as URL in enumerator {
            let path = String(url.standardizedFileURL.path.dropFirst(prefix.count))
            if path == ".sitegen" { enumerator.skipDescendants(); continue }
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let data: Data
            do {
                data = try Data(contentsOf: url, options: .mappedIfSafe)
            } catch {
                throw ManifestError("\(url.path): cannot read it: \(error.localizedDescription)")
            }
            let route = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
            entries.append(Manifest.Entry(path: path, sha256: Manifest.sha256(data), kind: Self.guessKind(path), url: "/" + route))
        }
        return Manifest(baseURL: "", entries: entries)
    }

    /// The kind of an output file, from the URLs sitegen publishes (see `Routes`).
    static func guessKind(_ path: String) -> Manifest.Kind {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch path {
        case "feed.xml", "atom.xml", "feed.json": return .feed
        case "sitemap.xml": return .sitemap
        case "robots.txt": return .robots
        case "404.html": return .notFound
        case "index.html": return .home
        case "tags/index.html": return .tagsIndex
        case "categories/index.html": return .categoriesIndex
        case "archive/index.html": return .archive
        case "search/index.html": return .search
        default: break
        }
        let isList = parts.last == "index.html" && (parts.count == 3 || (parts.count == 5 && parts[2] == "page"))
        switch parts.first {
        case "data": return .data
        case "assets": return .asset
        case "search": return .searchIndex
        case "page" where parts.count == 3 && parts[2] == "index.html": return .home
        case "tags" where parts.count == 3 && parts[2] == "atom.xml", "categories" where parts.count == 3 && parts[2] == "atom.xml": return .feed
        case "tags" where isList: return .tag
        case "categories" where isList: return .category
        default: return parts.last == "index.html" ? .article : .static
        }
    }
}
