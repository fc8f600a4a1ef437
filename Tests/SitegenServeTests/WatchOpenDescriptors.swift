import Foundation
import Glibc
@testable import SitegenServe

/// The descriptors of a running watch, identified beyond their numbers (which the kernel reuses): the inotify
/// descriptor by the site root's inode among its watches, the socket pair by its socket inodes.
struct WatchOpenDescriptors {
    let inotify: Int32
    let rootInode: String
    let sockets: [Int32: String]

    init?(_ changes: SiteChanges, root: URL) {
        guard let inotify = changes.session.inotifyDescriptor else { return nil }
        var status = stat()
        guard stat(root.path, &status) == 0 else { return nil }
        self.inotify = inotify
        rootInode = "ino:" + String(status.st_ino, radix: 16) + " "
        sockets = Dictionary(uniqueKeysWithValues: changes.session.stopSignal.descriptors.map { ($0, Self.target(of: $0)) })
    }

    var areOpen: Bool {
        watchesRoot && sockets.allSatisfy { $0.value.hasPrefix("socket:") && Self.target(of: $0.key) == $0.value }
    }

    var areClosed: Bool {
        !watchesRoot && sockets.allSatisfy { Self.target(of: $0.key) != $0.value }
    }

    private var watchesRoot: Bool {
        let info = (try? String(contentsOfFile: "/proc/self/fdinfo/\(inotify)", encoding: .utf8)) ?? ""
        return info.contains(rootInode)
    }

    private static func target(of descriptor: Int32) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(descriptor)")) ?? ""
    }
}
