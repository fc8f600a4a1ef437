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
        try data.withUnsafeBytes { try write($0, to: descriptor, path: path) }
    }

    /// Writes all of `buffer` to the open file `descriptor`: where it stands, or from `offset` on. `path`
    /// names the file in an error.
    static func write(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32, at offset: Int? = nil, path: String) throws {
        let done = try transfer(buffer.count, failing: "cannot write", path) { done in
            let pointer = buffer.baseAddress! + done, count = buffer.count - done
            return offset.map { pwrite(descriptor, pointer, count, off_t($0 + done)) } ?? Glibc.write(descriptor, pointer, count)
        }
        guard done == buffer.count else { throw error("cannot write all of", path) }
    }

    /// A new file in `directory`, open for reading and writing, and already unlinked: it has no name, and
    /// goes when its descriptor is closed, however the process ends.
    static func unlinkedTemporaryFile(in directory: String) throws -> Int32 {
        var template = Array((directory + "/.sitegen-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw error("cannot create a temporary file in", directory) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return descriptor
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
        forEachEntry(under: root, skip: { relative, name in relative.isEmpty && name == skip }) { path, kind in
            if kind == .directory { directories.append(path) } else { files.append(path) }
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
        let filled = try data.withUnsafeMutableBytes { try read(into: $0, from: descriptor, path: path) }
        // A file that shrank while being read keeps what was there.
        if filled < data.count { data.removeSubrange(filled...) }
        return data
    }

    /// Fills `buffer` from the open file `descriptor`: from where it stands, or from `offset` on; the bytes
    /// read, fewer only at the end of the file. `path` names the file in an error.
    static func read(into buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32, at offset: Int? = nil, path: String) throws -> Int {
        try transfer(buffer.count, failing: "cannot read", path) { done in
            let pointer = buffer.baseAddress! + done, count = buffer.count - done
            return offset.map { pread(descriptor, pointer, count, off_t($0 + done)) } ?? Glibc.read(descriptor, pointer, count)
        }
    }

    /// Calls `step` with the bytes done so far until `count` are done or it moves none (the end of a file),
    /// again when a signal interrupted it; the bytes done. A failed step throws `what` on `path`.
    private static func transfer(_ count: Int, failing what: String, _ path: String, _ step: (Int) -> Int) throws -> Int {
        var done = 0
        while done < count {
            let moved = step(done)
            if moved < 0 {
                if errno == EINTR { continue }
                throw error(what, path)
            }
            if moved == 0 { break }
            done += moved
        }
        return done
    }

    /// Relative paths of the regular files under `root`, in no particular order; symbolic links are neither
    /// listed nor followed, and an entry (file or folder) whose name `skip` accepts is left out with all
    /// it holds.
    static func regularFiles(under root: String, skip: (String) -> Bool) -> [String] {
        var files: [String] = []
        forEachEntry(under: root, skip: { _, name in skip(name) }) { path, kind in
            if kind == .regular { files.append(path) }
        }
        return files
    }

    private enum Kind {
        case directory, regular, other
    }

    /// Calls `body` with the relative path and kind of everything under `root` (a symbolic link is
    /// `other`, never followed), depth first; `skip` (the folder's relative path and the entry's name)
    /// leaves an entry out with all it holds.
    private static func forEachEntry(under root: String, skip: (String, String) -> Bool, _ body: (String, Kind) -> Void) {
        var pending = [""]
        while let relative = pending.popLast() {
            guard let directory = opendir(relative.isEmpty ? root : root + "/" + relative) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name == "." || name == ".." || skip(relative, name) { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    var status = stat()
                    guard lstat(root + "/" + path, &status) == 0 else { continue }
                    type = (status.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (status.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : UInt8(DT_LNK)
                }
                let kind: Kind = type == UInt8(DT_DIR) ? .directory : type == UInt8(DT_REG) ? .regular : .other
                if kind == .directory { pending.append(path) }
                body(path, kind)
            }
        }
    }

    /// An error that says what failed on `path`, and why (from `errno`).
    static func error(_ what: String, _ path: String) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "\(what) \(path): \(String(cString: strerror(errno)))"])
    }
}
