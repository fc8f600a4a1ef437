import Foundation
import Glibc

/// A site folder in a fresh temporary directory, for the watcher tests.
struct WatchTestSite {
    let root: URL

    init(files: [String] = []) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-watch-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for file in files { try write(file, createFolders: true) }
    }

    func url(_ path: String) -> URL {
        root.appendingPathComponent(path)
    }

    /// Writes in place (open, truncate, write, close), as most editors and `echo >` do.
    func write(_ path: String, _ text: String = "text \(UUID())\n", createFolders: Bool = false) throws {
        if createFolders {
            try FileManager.default.createDirectory(at: url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        try Data(text.utf8).write(to: url(path))
    }

    func makeFolder(_ path: String) throws {
        try FileManager.default.createDirectory(at: url(path), withIntermediateDirectories: false)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: url(path))
    }

    /// `rename(2)`, which replaces an existing target as editors' atomic saves rely on.
    func rename(_ from: String, to: String) throws {
        guard Glibc.rename(url(from).path, url(to).path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: ["errno": errno])
        }
    }

    func delete() {
        try? FileManager.default.removeItem(at: root)
    }
}
