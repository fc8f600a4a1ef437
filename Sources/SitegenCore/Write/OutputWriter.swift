import Foundation

/// The write edge: makes the output folder hold exactly the built files. Unchanged files are left
/// untouched, stale ones removed. It only writes into a folder it created (marked with `.sitegen/OUTPUT`),
/// and keeps the build's manifest beside the marker (`.sitegen/manifest.json`).
public struct OutputWriter: Sendable {
    public static let markerPath = ".sitegen/OUTPUT"
    public static let manifestPath = Manifest.path
    public let output: URL
    public let siteRoot: URL

    public init(output: URL, siteRoot: URL) {
        self.output = output.standardizedFileURL
        self.siteRoot = siteRoot.standardizedFileURL
    }

    /// How much a write changed.
    public struct Report: Sendable, Hashable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    /// Refuses folders that hold sources, and existing folders sitegen did not create.
    public func check() throws {
        let out = output.path, root = siteRoot.path
        let protected = ["content", "templates", "public"].map { siteRoot.appendingPathComponent($0).path }
        if out == root || root.hasPrefix(out + "/") || out == "/" {
            throw BuildFailure(diagnostics: [.error("refusing to write the site into \(out): it is the site folder or one of its parents", file: nil)])
        }
        if let source = protected.first(where: { out == $0 || out.hasPrefix($0 + "/") }) {
            throw BuildFailure(diagnostics: [.error("refusing to write the site into \(out): it is inside \(source), which holds sources", file: nil)])
        }
        let manager = FileManager.default
        guard manager.fileExists(atPath: out) else { return }
        let entries = (try? manager.contentsOfDirectory(atPath: out)) ?? []
        if !entries.isEmpty && !manager.fileExists(atPath: output.appendingPathComponent(Self.markerPath).path) {
            throw BuildFailure(diagnostics: [.error("refusing to write into \(out): it exists and was not created by sitegen (no \(Self.markerPath)); remove it or choose another --output", file: nil)])
        }
    }

    /// Writes `files`, then removes whatever else is in the folder, then writes `manifest` (the build's,
    /// completed with the hashes of the files copied from disk, read as they are copied). Without a
    /// manifest, a previous one is removed: it would describe another build.
    public func write(_ files: [OutputFile], manifest: Manifest? = nil) async throws -> Report {
        try check()
        let manager = FileManager.default
        try manager.createDirectory(at: output.appendingPathComponent(".sitegen"), withIntermediateDirectories: true)
        try Data("This folder is written by sitegen. Each build replaces its contents.\n".utf8)
            .write(to: output.appendingPathComponent(Self.markerPath))
        let directories = Set(files.compactMap { file in file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } }).sorted()
        for directory in directories {
            try makeDirectory(directory)
        }
        let output = self.output, hashDisk = manifest != nil
        let results = await files.parallelMap { file in Result { try Self.writeIfChanged(file, root: output, hashDisk: hashDisk) } }
        var report = Report()
        var diskHashes: [String: String] = [:]
        for (file, result) in zip(files, results) {
            let (wrote, hash) = try result.get()
            if wrote { report.written += 1 } else { report.unchanged += 1 }
            if let hash { diskHashes[file.path] = hash }
        }
        report.removed = try removeStale(keeping: Set(files.map(\.path)))
        try writeManifest(manifest, diskHashes: diskHashes)
        return report
    }

    /// Writes the manifest with every hash filled in, or removes a stale one.
    private func writeManifest(_ manifest: Manifest?, diskHashes: [String: String]) throws {
        let target = output.appendingPathComponent(Self.manifestPath)
        guard var manifest else {
            if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
            return
        }
        for index in manifest.entries.indices where manifest.entries[index].sha256 == nil {
            manifest.entries[index].sha256 = diskHashes[manifest.entries[index].path]
        }
        _ = try Self.writeIfChanged(OutputFile(path: Self.manifestPath, contents: .bytes(manifest.json())), root: output, hashDisk: false)
    }

    /// Creates `relative` and its parents, replacing files left where a folder must now be
    /// (an earlier build's `a` when this one writes `a/index.html`).
    private func makeDirectory(_ relative: String) throws {
        let manager = FileManager.default
        var current = output
        for component in relative.split(separator: "/") {
            current.appendPathComponent(String(component))
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: current.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                try manager.removeItem(at: current)
            }
        }
        try manager.createDirectory(at: current, withIntermediateDirectories: true)
    }

    /// Writes one file unless the folder already holds the same bytes; whether it wrote, and the
    /// SHA-256 of a file copied from disk when `hashDisk` (the bytes are read here anyway).
    private static func writeIfChanged(_ file: OutputFile, root: URL, hashDisk: Bool) throws -> (wrote: Bool, sha256: String?) {
        let target = root.appendingPathComponent(file.path)
        let data: Data
        var hash: String?
        switch file.contents {
        case .bytes(let bytes): data = bytes
        case .disk(let source):
            data = try Data(contentsOf: source, options: .mappedIfSafe)
            if hashDisk { hash = Manifest.sha256(data) }
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: target.path))?[.size] as? NSNumber,
           size.intValue == data.count, (try? Data(contentsOf: target, options: .mappedIfSafe)) == data {
            return (false, hash)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
            try FileManager.default.removeItem(at: target)
        }
        try data.write(to: target, options: .atomic)
        return (true, hash)
    }

    private func removeStale(keeping paths: Set<String>) throws -> Int {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(at: output, includingPropertiesForKeys: [.isDirectoryKey]) else { return 0 }
        var removed = 0
        var directories: [URL] = []
        let prefix = output.path + "/"
        for case let url as URL in enumerator {
            let relative = String(url.standardizedFileURL.path.dropFirst(prefix.count))
            if relative == ".sitegen" || relative.hasPrefix(".sitegen/") { continue }
            if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                directories.append(url)
            } else if !paths.contains(relative) {
                try manager.removeItem(at: url)
                removed += 1
            }
        }
        for directory in directories.sorted(by: { $0.path.count > $1.path.count })
        where (try? manager.contentsOfDirectory(atPath: directory.path))?.isEmpty == true {
            try manager.removeItem(at: directory)
        }
        return removed
    }
}
