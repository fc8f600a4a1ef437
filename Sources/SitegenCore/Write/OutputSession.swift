import Foundation

/// One build's writes into the output folder: batches of files as the build makes them (`OutputSink`),
/// each written in parallel and only when its bytes differ from the file already there; then `finish`
/// removes what the build did not write and writes the manifest.
public actor OutputSession: OutputSink {
    private let writer: OutputWriter
    /// Whether files copied from disk are hashed (for the manifest) as they are read.
    private let hashDisk: Bool
    private var prepared = false
    /// Whether the folder held nothing of a previous build when the first batch came: then no file is
    /// compared before it is written, and `finish` has nothing stale to look for.
    private var startedEmpty = false
    private var directories: Set<String> = []
    private var written: Set<String> = []
    private var report = OutputWriter.Report()
    private var diskHashes: [String: String] = [:]

    init(writer: OutputWriter, hashDisk: Bool) {
        self.writer = writer
        self.hashDisk = hashDisk
    }

    public func write(_ files: [OutputFile]) async throws {
        try prepareOnce()
        for directory in OutputWriter.directories(of: files) where directories.insert(directory).inserted {
            try writer.makeDirectory(directory)
        }
        let root = writer.output.path, hashDisk = self.hashDisk, intoEmpty = startedEmpty
        let results = await files.parallelMap(workers: writer.workers) { file in
            Result { try OutputWriter.writeIfChanged(file, root: root, hashDisk: hashDisk, intoEmpty: intoEmpty) }
        }
        for (file, result) in zip(files, results) {
            let (wrote, hash) = try result.get()
            if wrote { report.written += 1 } else { report.unchanged += 1 }
            if let hash { diskHashes[file.path] = hash }
            written.insert(file.path)
        }
    }

    /// Removes every file the build did not write, then writes `manifest` (completed with the hashes of
    /// files copied from disk), or removes a previous one when there is none. Returns the counts.
    public func finish(manifest: Manifest?) throws -> OutputWriter.Report {
        try prepareOnce()
        report.removed = startedEmpty ? 0 : try writer.removeStale(keeping: written)
        try writer.writeManifest(manifest, diskHashes: diskHashes)
        return report
    }

    private func prepareOnce() throws {
        guard !prepared else { return }
        startedEmpty = try writer.prepare()
        prepared = true
    }
}
