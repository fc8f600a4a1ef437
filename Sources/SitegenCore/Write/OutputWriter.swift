import Foundation

/// The write edge: makes the output folder hold exactly the built files. Unchanged files are left
/// untouched, stale ones removed. It only writes into a folder it created (marked with `.sitegen/OUTPUT`),
/// and keeps the build's manifest beside the marker (`.sitegen/manifest.json`).
public struct OutputWriter: Sendable {
    public static let markerPath = ".sitegen/OUTPUT"
    public static let manifestPath = Manifest.path
    public let output: URL
    public let siteRoot: URL
    /// Files written at once (nil: as many as there are cores).
    public let workers: Int?

    public init(output: URL, siteRoot: URL, workers: Int? = nil) {
        self.output = output.standardizedFileURL
        self.siteRoot = siteRoot.standardizedFileURL
        self.workers = workers
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
        let session = session(hashingDiskFiles: manifest != nil)
        try await session.write(files)
        return try await session.finish(manifest: manifest)
    }

    /// A build's writes in batches, for `SiteBuilder.build(_:writingTo:)`; nothing is touched before the
    /// first batch arrives.
    public func session(hashingDiskFiles: Bool = true) -> OutputSession {
        OutputSession(writer: self, hashDisk: hashingDiskFiles)
    }

    /// A store for the build's rendered bodies (`SiteBuilder.build(_:writingTo:keepingBodiesIn:)`), in a
    /// temporary file beside the output folder (on the disk the site is written to), or in the system's
    /// temporary folder when no file can be made there (the folder does not exist yet, say).
    public func bodyStore() throws -> FileBodyStore {
        do {
            return try FileBodyStore(directory: output.deletingLastPathComponent().path)
        } catch {
            return try FileBodyStore(directory: FileManager.default.temporaryDirectory.path)
        }
    }

    /// Checks the folder, then creates it with its marker. Returns whether it held nothing but sitegen's own
    /// `.sitegen` folder: then no file the build writes can be there already, and none can be stale.
    func prepare() throws -> Bool {
        try check()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        try FileManager.default.createDirectory(at: output.appendingPathComponent(".sitegen"), withIntermediateDirectories: true)
        try Data("This folder is written by sitegen. Each build replaces its contents.\n".utf8)
            .write(to: output.appendingPathComponent(Self.markerPath))
        return entries.allSatisfy { $0 == ".sitegen" }
    }

    /// Writes the manifest with every hash filled in, or removes a stale one.
    func writeManifest(_ manifest: Manifest?, diskHashes: [String: String]) throws {
        let target = output.appendingPathComponent(Self.manifestPath)
        guard var manifest else {
            if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
            return
        }
        for index in manifest.entries.indices where manifest.entries[index].sha256 == nil {
            manifest.entries[index].sha256 = diskHashes[manifest.entries[index].path]
        }
        _ = try Self.writeIfChanged(OutputFile(path: Self.manifestPath, contents: .bytes(manifest.json())), root: output.path, hashDisk: false)
    }

    /// Creates the folder `relative` (its parents exist), replacing a file left where it must now be
    /// (an earlier build's `a` when this one writes `a/index.html`).
    func makeDirectory(_ relative: String) throws {
        let path = output.path + "/" + relative
        if try FileSystemCalls.makeDirectory(path) || FileSystemCalls.entry(at: path) == .directory { return }
        try FileManager.default.removeItem(atPath: path)
        _ = try FileSystemCalls.makeDirectory(path)
    }

    /// Every folder the files need, parents before children.
    static func directories(of files: [OutputFile]) -> [String] {
        var directories = Set<String>()
        for file in files {
            var path = file.path[...]
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                if !directories.insert(String(path)).inserted { break }
            }
        }
        return directories.sorted()
    }

    /// Writes one file unless the folder already holds the same bytes; whether it wrote, and the
    /// SHA-256 of a file copied from disk when `hashDisk` (the bytes are read here anyway). `intoEmpty`: the
    /// folder held nothing when the build began, so nothing is looked up before writing.
    static func writeIfChanged(_ file: OutputFile, root: String, hashDisk: Bool, intoEmpty: Bool = false) throws -> (wrote: Bool, sha256: String?) {
        let target = root + "/" + file.path
        let data: Data
        var hash: String?
        switch file.contents {
        case .bytes(let bytes): data = bytes
        case .disk(let source):
            data = try Data(contentsOf: source, options: .mappedIfSafe)
            if hashDisk { hash = Manifest.sha256(data) }
        }
        switch intoEmpty ? .none : FileSystemCalls.entry(at: target) {
        case .file(let size) where size == data.count:
            if (try? Data(contentsOf: URL(fileURLWithPath: target), options: .mappedIfSafe)) == data { return (false, hash) }
        case .directory:
            try FileManager.default.removeItem(atPath: target)
        case .file, .none:
            break
        }
        try FileSystemCalls.write(data, to: target)
        return (true, hash)
    }

    func removeStale(keeping paths: Set<String>) throws -> Int {
        let root = output.path
        let (files, directories) = FileSystemCalls.walk(root, skipping: ".sitegen")
        var removed = 0
        // Every folder holding a kept file, at any depth: the walk saw everything, so the others are empty
        // once the stale files are gone.
        var occupied = Set<Substring>()
        for file in files {
            guard paths.contains(file) else {
                try FileSystemCalls.remove(root + "/" + file)
                removed += 1
                continue
            }
            var folder = file[...]
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if !occupied.insert(folder).inserted { break }
            }
        }
        // Deepest first, so a folder is empty by the time it is removed: a folder's path is longer than its
        // parent's. (Only the empty ones are sorted; usually there are none.)
        let empty = directories.filter { !occupied.contains($0[...]) }
        for directory in empty.sorted(by: { $0.utf8.count > $1.utf8.count }) {
            try FileSystemCalls.removeDirectory(root + "/" + directory)
        }
        return removed
    }
}
