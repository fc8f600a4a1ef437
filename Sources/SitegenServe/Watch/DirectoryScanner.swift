import Glibc

/// Reads the watched part of a site folder with `readdir` and `stat`, which give the inode and the nanosecond
/// modification time.
struct DirectoryScanner: Sendable {
    /// One included entry of a folder.
    struct Entry: Sendable, Equatable {
        /// Root-relative path.
        let path: String
        /// The file's stamp; nil for a folder.
        let stamp: FileStamp?
    }

    /// The site root, absolute, without a trailing `/`.
    let root: String
    let filter: WatchFilter

    /// The absolute path of a root-relative path (absolute paths pass through).
    func absolutePath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return path.isEmpty ? root : root + "/" + path
    }

    /// The path of `name` inside `folder` (root-relative or absolute; `""` is the root).
    static func path(of name: String, in folder: String) -> String {
        folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The included files and folders directly inside `folder` (root-relative). Symbolic links to files count as
    /// files; links to folders are not followed, so a link cannot make a cycle.
    func entries(of folder: String) -> [Entry] {
        guard let directory = opendir(absolutePath(folder)) else { return [] }
        defer { closedir(directory) }
        var result: [Entry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = Self.path(of: name, in: folder)
            var status = stat()
            guard lstat(absolutePath(path), &status) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFLNK {
                guard stat(absolutePath(path), &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            }
            let isDirectory = status.st_mode & S_IFMT == S_IFDIR
            guard filter.includes(path, isDirectory: isDirectory) else { continue }
            result.append(Entry(path: path, stamp: isDirectory ? nil : FileStamp(status)))
        }
        return result
    }

    /// Every included file under `folder`, recursively.
    func files(under folder: String) -> [String: FileStamp] {
        var files: [String: FileStamp] = [:]
        var pending = [folder]
        while let next = pending.popLast() {
            for entry in entries(of: next) {
                if let stamp = entry.stamp { files[entry.path] = stamp } else { pending.append(entry.path) }
            }
        }
        return files
    }

    /// Every watched file of the site: the three folders and the config file.
    func snapshot() -> [String: FileStamp] {
        var files: [String: FileStamp] = [:]
        for folder in WatchFilter.watchedFolders {
            files.merge(self.files(under: folder)) { first, _ in first }
        }
        var status = stat()
        if stat(absolutePath(filter.configPath), &status) == 0, status.st_mode & S_IFMT != S_IFDIR {
            files[filter.configPath] = FileStamp(status)
        }
        return files
    }
}
