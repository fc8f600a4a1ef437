import Glibc

/// The inotify side of the watcher: one watch per included folder (the root and the config file's folder too,
/// for folders and configs that appear later), each event turned into the site paths it touches.
struct InotifyWatcher: Sendable {
    /// Why inotify cannot be used (the watcher then polls).
    enum Failure: Error, Equatable {
        /// `inotify_init1` failed with this errno.
        case unavailable(Int32)
        /// The site root cannot be watched (missing, unreadable).
        case rootUnwatchable(Int32)
        /// `fs.inotify.max_user_watches` is exhausted.
        case watchLimit
        /// `read` failed with this errno.
        case readFailed(Int32)
    }

    static let mask = UInt32(
        IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF
            | IN_MOVE_SELF | IN_ATTRIB | IN_ONLYDIR)

    /// The inotify descriptor; `close()` closes it.
    let descriptor: Int32
    let scanner: DirectoryScanner
    private var folders: [Int32: String] = [:]
    private var watches: [String: Int32] = [:]
    /// The included files seen so far, so that a folder deleted or renamed away can be reported file by file.
    private(set) var knownFiles: Set<String> = []
    /// Files created or modified and not closed yet, with when that was seen.
    private var writers: [String: ContinuousClock.Instant] = [:]

    /// Opens the descriptor and watches the site; the files found are in `knownFiles`.
    init(scanner: DirectoryScanner) throws(Failure) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw .unavailable(errno) }
        self.descriptor = descriptor
        self.scanner = scanner
        do {
            _ = try watchSite()
        } catch {
            Glibc.close(descriptor)
            throw error
        }
    }

    /// Closes the descriptor, which drops every watch.
    func close() {
        Glibc.close(descriptor)
    }

    /// The folders being watched, root-relative (`""` is the root).
    var watchedFolders: Set<String> { Set(watches.keys) }

    /// Reads every queued event (seen at `now`) and returns the paths they touch.
    mutating func readEvents(at now: ContinuousClock.Instant = .now) throws(Failure) -> Set<String> {
        var changed: Set<String> = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                let error = errno
                if error == EINTR { continue }
                if error == EAGAIN || error == EWOULDBLOCK { break }
                throw .readFailed(error)
            }
            if count == 0 { break }
            let events = buffer.withUnsafeBytes { InotifyEvent.parse(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            changed.formUnion(try apply(events, at: now))
        }
        return changed
    }

    /// Updates the watches for `events` and returns the paths they touch.
    mutating func apply(_ events: [InotifyEvent], at now: ContinuousClock.Instant = .now) throws(Failure) -> Set<String> {
        var changed: Set<String> = []
        for event in events {
            try apply(event, at: now, to: &changed)
        }
        return changed
    }

    /// Whether a file is still being written: created or modified and not closed yet. Entries older than `maxAge`
    /// are dropped, since a file truncated by path or created as a link is never closed.
    mutating func hasWriters(at now: ContinuousClock.Instant, maxAge: Duration) -> Bool {
        writers = writers.filter { now - $0.value < maxAge }
        return !writers.isEmpty
    }

    private mutating func apply(_ event: InotifyEvent, at now: ContinuousClock.Instant,
                                to changed: inout Set<String>) throws(Failure) {
        if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: everything that existed before or exists now may have changed.
            changed.formUnion(try rewatch())
            return
        }
        if event.mask & UInt32(IN_IGNORED) != 0 {
            forget(event.watch)
            return
        }
        guard let folder = folders[event.watch], !event.name.isEmpty else { return }
        let path = DirectoryScanner.path(of: event.name, in: folder)
        let isDirectory = event.mask & UInt32(IN_ISDIR) != 0
        guard scanner.filter.includes(path, isDirectory: isDirectory) else { return }
        let gone = event.mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0
        if isDirectory {
            if gone {
                changed.formUnion(unwatchTree(path))
            } else if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                changed.formUnion(try watchTree(path))
            }
        } else if gone {
            knownFiles.remove(path)
            writers[path] = nil
            changed.insert(path)
        } else {
            knownFiles.insert(path)
            if event.mask & UInt32(IN_CLOSE_WRITE) != 0 {
                writers[path] = nil
            } else if event.mask & UInt32(IN_CREATE | IN_MODIFY) != 0 {
                writers[path] = now
            }
            changed.insert(path)
        }
    }

    /// Watches the root, the config file's folder and the three site folders; returns the files found.
    private mutating func watchSite() throws(Failure) -> Set<String> {
        guard try watch("") else { throw .rootUnwatchable(errno) }
        let configFolder = scanner.filter.configFolder
        if !configFolder.isEmpty { _ = try watch(configFolder) }
        var found: Set<String> = []
        for folder in WatchFilter.watchedFolders {
            found.formUnion(try watchTree(folder))
        }
        return found
    }

    /// Drops every watch and watches the site again; returns the files known before and found now.
    private mutating func rewatch() throws(Failure) -> Set<String> {
        for watch in folders.keys { inotify_rm_watch(descriptor, watch) }
        folders = [:]
        watches = [:]
        let before = knownFiles
        knownFiles = []
        writers = [:]
        return before.union(try watchSite())
    }

    /// Watches `folder` and every included folder below it, each before listing it so that no file written into
    /// a new folder is missed; returns the files found.
    private mutating func watchTree(_ folder: String) throws(Failure) -> Set<String> {
        var found: Set<String> = []
        var pending = [folder]
        while let next = pending.popLast() {
            guard try watch(next) else { continue }
            for entry in scanner.entries(of: next) {
                if entry.stamp == nil { pending.append(entry.path) } else { found.insert(entry.path) }
            }
        }
        knownFiles.formUnion(found)
        return found
    }

    /// Stops watching `folder` and the folders below it (a folder renamed away keeps its watches otherwise);
    /// returns the files that were known there.
    private mutating func unwatchTree(_ folder: String) -> Set<String> {
        let prefix = folder + "/"
        let gone = knownFiles.filter { $0.hasPrefix(prefix) }
        knownFiles.subtract(gone)
        writers = writers.filter { !$0.key.hasPrefix(prefix) }
        for (path, watch) in watches where path == folder || path.hasPrefix(prefix) {
            inotify_rm_watch(descriptor, watch)
            folders[watch] = nil
            watches[path] = nil
        }
        return gone
    }

    /// Adds a watch; false when the folder is gone or not a folder.
    private mutating func watch(_ folder: String) throws(Failure) -> Bool {
        let watch = inotify_add_watch(descriptor, scanner.absolutePath(folder), Self.mask)
        guard watch >= 0 else {
            if errno == ENOSPC { throw .watchLimit }
            return false
        }
        folders[watch] = folder
        watches[folder] = watch
        return true
    }

    private mutating func forget(_ watch: Int32) {
        guard let folder = folders.removeValue(forKey: watch) else { return }
        if watches[folder] == watch { watches[folder] = nil }
    }
}
