import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the files of `public/` that a build copies from disk, refusing any whose real path (symlinks
/// resolved) is not inside the site's `public/` folder, so a link to `/etc/passwd` is never served.
struct PublicFileReader {
    /// The site's `public/` folder; when nil, each file's own folder is taken from its URL, which the loader
    /// builds as `<site>/public/<output path>`.
    let publicFolder: URL?

    /// The file's bytes, or nil when it is outside `public/`, not a regular file or unreadable.
    func read(_ url: URL, outputPath: String) -> Data? {
        guard let folder = publicFolder ?? Self.folder(of: url, outputPath: outputPath),
              let realFolder = Self.realPath(folder.path), let realFile = Self.realPath(url.path),
              realFile.hasPrefix(realFolder.hasSuffix("/") ? realFolder : realFolder + "/") else { return nil }
        return Self.readRegularFile(atRealPath: realFile)
    }

    /// `<site>/public` for `<site>/public/<output path>`; nil for a URL of any other shape.
    static func folder(of url: URL, outputPath: String) -> URL? {
        let path = url.standardizedFileURL.path
        let suffix = "/public/" + outputPath
        guard path.hasSuffix(suffix) else { return nil }
        return URL(fileURLWithPath: String(path.dropLast(outputPath.count + 1)), isDirectory: true)
    }

    /// The canonical absolute path with every symlink resolved; nil when the file does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Opens without following a final symlink, so a file swapped for a link after the check is not read.
    private static func readRegularFile(atRealPath path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return try? handle.readToEnd() ?? Data()
    }
}
