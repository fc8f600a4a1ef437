import Glibc

/// What the polling watcher compares to tell that a file changed.
struct FileStamp: Sendable, Equatable {
    var size: Int64
    /// Modification time in nanoseconds since 1970.
    var modified: Int64
    var inode: UInt64

    init(size: Int64, modified: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.inode = inode
    }

    init(_ status: stat) {
        self.init(
            size: Int64(status.st_size),
            modified: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec),
            inode: UInt64(status.st_ino)
        )
    }
}
