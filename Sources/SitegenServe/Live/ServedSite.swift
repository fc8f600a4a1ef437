import Foundation
import SitegenCore

/// An immutable snapshot of a built site, held in memory for the preview server: every output file by
/// path with its content type and entity tag. Files copied from `public/` on disk are read when the snapshot
/// is made; those whose real path is outside `public/` (a symlink to `/etc/passwd`) are left out.
public struct ServedSite: Sendable {
    private let files: [String: ServedFile]
    /// Output paths of files from disk that were left out: outside `public/` once symlinks are resolved,
    /// not a regular file, or unreadable. Sorted.
    public let refusedPaths: [String]

    /// A site with no files: every request is a 404.
    public init() {
        files = [:]
        refusedPaths = []
    }

    /// The snapshot of a build's output. `publicFolder` is the site's `public/` folder; when nil, it is taken
    /// from each disk file's URL, which `SiteLoader` makes as `<site>/public/<output path>`.
    public init(output: BuildOutput, publicFolder: URL? = nil) {
        self.init(files: output.files, manifest: output.manifest, publicFolder: publicFolder)
    }

    /// The snapshot of a rebuild: files whose hash is unchanged since `previous` are taken from it as they
    /// are (no copy, no new injection), which keeps a one-page edit cheap on a large site.
    public init(output: BuildOutput, reusing previous: ServedSite, publicFolder: URL? = nil) {
        self.init(files: output.files, manifest: output.manifest, publicFolder: publicFolder, previous: previous)
    }

    /// The snapshot of `files`; each hash comes from its `manifest` entry, or is computed when it has none.
    public init(files: [OutputFile], manifest: Manifest, publicFolder: URL? = nil, previous: ServedSite = ServedSite()) {
        let hashes = Dictionary(manifest.entries.compactMap { entry in entry.sha256.map { (entry.path, $0) } }) { first, _ in first }
        let reader = PublicFileReader(publicFolder: publicFolder)
        var served: [String: ServedFile] = [:]
        var refused: [String] = []
        for file in files {
            switch file.contents {
            case .bytes(let data):
                let hash = hashes[file.path] ?? Manifest.sha256(data)
                if let old = previous.files[file.path], old.sha256 == hash {
                    served[file.path] = old
                } else {
                    served[file.path] = ServedFile(path: file.path, bytes: data, sha256: hash)
                }
            case .disk(let url):
                guard let data = reader.read(url, outputPath: file.path) else {
                    refused.append(file.path)
                    continue
                }
                // The manifest's hash of a disk file is of what was there at build time; these are the bytes served.
                served[file.path] = ServedFile(path: file.path, bytes: data, sha256: Manifest.sha256(data))
            }
        }
        self.files = served
        refusedPaths = refused.sorted()
    }

    /// This site with `files` (each in memory, each with its hash in `manifest`) put in, replacing the files
    /// at their paths, and the site URLs whose bytes changed, sorted: the snapshot of a rebuild that
    /// wrote only these files afresh (`BuildOutput.freshFiles`), made without going through the others.
    public func updating(_ files: [OutputFile], manifest: Manifest) -> (site: ServedSite, changed: [String]) {
        var served = self.files
        var changed = Set<String>()
        for file in files {
            guard case .bytes(let data) = file.contents else { continue }
            let hash = manifest.entry(at: file.path)?.sha256 ?? Manifest.sha256(data)
            if served[file.path]?.sha256 == hash { continue }
            served[file.path] = ServedFile(path: file.path, bytes: data, sha256: hash)
            changed.insert(Self.url(of: file.path))
        }
        return (ServedSite(files: served, refusedPaths: refusedPaths), changed.sorted())
    }

    private init(files: [String: ServedFile], refusedPaths: [String]) {
        self.files = files
        self.refusedPaths = refusedPaths
    }

    /// The file at an output path such as `blog/x/index.html`.
    public subscript(path: String) -> ServedFile? {
        files[path]
    }

    /// Every output path, sorted.
    public var paths: [String] {
        files.keys.sorted()
    }

    /// The site's `404.html`, if it has one.
    public var notFoundPage: ServedFile? {
        files["404.html"]
    }

    /// The site URLs whose bytes differ from `old`'s, or that were added or removed, sorted:
    /// `/blog/x/` for `blog/x/index.html`, `/assets/site.css`. URLs are relative to the site's root
    /// (without a base path).
    public func changedPaths(since old: ServedSite) -> [String] {
        var changed = Set<String>()
        for (path, file) in files where old.files[path]?.sha256 != file.sha256 {
            changed.insert(Self.url(of: path))
        }
        for path in old.files.keys where files[path] == nil {
            changed.insert(Self.url(of: path))
        }
        return changed.sorted()
    }

    /// The site URL of an output path: `blog/x/index.html` → `/blog/x/`, `index.html` → `/`.
    public static func url(of path: String) -> String {
        if path == "index.html" { return "/" }
        if path.hasSuffix("/index.html") { return "/" + path.dropLast("index.html".count) }
        return "/" + path
    }
}
