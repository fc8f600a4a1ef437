/// The fallback without inotify: a snapshot of every watched file, compared every `interval`.
struct PollingWatcher: Sendable {
    let interval: Duration
    let scanner: DirectoryScanner
    private(set) var snapshot: [String: FileStamp]

    init(scanner: DirectoryScanner, interval: Duration) {
        self.scanner = scanner
        self.interval = interval
        self.snapshot = scanner.snapshot()
    }

    /// Takes a new snapshot; returns the files added, removed or changed since the last one.
    mutating func poll() -> Set<String> {
        let current = scanner.snapshot()
        var changed: Set<String> = []
        for (path, stamp) in current where snapshot[path] != stamp { changed.insert(path) }
        for path in snapshot.keys where current[path] == nil { changed.insert(path) }
        snapshot = current
        return changed
    }
}
