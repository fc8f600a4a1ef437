#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The few POSIX calls the writer makes per file. FileManager's equivalents build attribute
/// dictionaries and URLs for every call, which cost more than the writes themselves on a large site.
enum FileSystemCalls {
    /// What is at `path`: nothing, a directory, or a file of some size.
    enum Entry: Equatable {
        case none
        case directory
        case file(size: Int)
    }

    /// A symbolic link counts as a file (of the link's size), so it is replaced, never written through.
    static func entry(at path: String) -> Entry {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .none }
        return (status.st_mode & S_IFMT) == S_IFDIR ? .directory : .file(size: Int(status.st_size))
    }

    /// Creates or truncates `path` and writes `data`; a symbolic link there is replaced by the file.
    static func write(_ data: Data, to path: String) throws {
        let flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW
        var descriptor = open(path, flags, 0o644)
        if descriptor < 0, errno == ELOOP, unlink(path) == 0 { descriptor = open(path, flags, 0o644) }
        guard descriptor >= 0 else { throw error("cannot create", path) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw error("cannot write", path)
                }
                offset += written
            }
        }
    }

    /// Creates the directory `path`; true when it was created, false when it already exists.
    static func makeDirectory(_ path: String) throws -> Bool {
        if mkdir(path, 0o755) == 0 { return true }
        if errno == EEXIST { return false }
        throw error("cannot create the folder", path)
    }

    /// Removes the file (or symbolic link) at `path`.
    static func remove(_ path: String) throws {
        guard unlink(path) == 0 else { throw error("cannot remove", path) }
    }

    /// Removes the directory at `path` if it is empty; one that still holds something stays.
    static func removeDirectory(_ path: String) throws {
        guard rmdir(path) == 0 || errno == ENOTEMPTY || errno == EEXIST else { throw error("cannot remove the folder", path) }
    }

    /// Relative paths of the files under `root` (not of folders), and its folders, skipping the
    /// top-level entry named `skip`.
    static func walk(_ root: String, skipping skip: String) -> (files: [String], directories: [String]) {
        var files: [String] = [], directories: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let directory = opendir(relative.isEmpty ? root : root + "/" + relative) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name == "." || name == ".." || (relative.isEmpty && name == skip) { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                let isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
                    || (entry.pointee.d_type == UInt8(DT_UNKNOWN) && Self.entry(at: root + "/" + path) == .directory)
                if isDirectory {
                    directories.append(path)
                    pending.append(path)
                } else {
                    files.append(path)
                }
            }
        }
        return (files, directories)
    }

    /// The bytes of the file at `path`.
    static func read(_ path: String) throws -> Data {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw error("cannot open", path) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw error("cannot read", path) }
        var data = Data(count: Int(status.st_size))
        var filled = 0
        try data.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) in
            while filled < buffer.count {
                let count = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw error("cannot read", path)
                }
                if count == 0 { break }
                filled += count
            }
        }
        // A file that shrank while being read keeps what was there.
        if filled < data.count { data.removeSubrange(filled...) }
        return data
    }

    /// Relative paths of the regular files under `root`, in no particular order; symbolic links are neither
    /// listed nor followed, and an entry (file or folder) whose name `skip` accepts is left out with all
    /// it holds.
    static func regularFiles(under root: String, skip: (String) -> Bool) -> [String] {
        var files: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let directory = opendir(relative.isEmpty ? root : root + "/" + relative) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name == "." || name == ".." || skip(name) { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    var status = stat()
                    guard lstat(root + "/" + path, &status) == 0 else { continue }
                    type = (status.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (status.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : UInt8(DT_LNK)
                }
                if type == UInt8(DT_DIR) { pending.append(path) } else if type == UInt8(DT_REG) { files.append(path) }
            }
        }
        return files
    }

    private static func error(_ what: String, _ path: String) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "\(what) \(path): \(String(cString: strerror(errno)))"])
    }
}
