import Foundation

/// Watches a site folder for the preview server: `content/`, `templates/` and `public/` (recursively, including
/// folders created later) and the config file, ignoring editor leftovers, hidden tool folders and the output
/// folder. A burst of changes (an editor's save, a `git checkout`) becomes one batch.
///
/// ```swift
/// for await paths in SiteWatcher(root: site, configFile: nil, output: dist).changes() {
///     rebuild(paths)
/// }
/// ```
public struct SiteWatcher: Sendable {
    /// The site root.
    public let root: URL
    /// The config file; `sitegen.yaml` in the root when nil.
    public let configFile: URL?
    /// The output folder; `dist/` in the root when nil. Nothing under it is ever reported.
    public let output: URL?
    /// How long no change must arrive before a batch is delivered.
    public let quietPeriod: Duration
    /// The longest a batch waits for quiet while changes keep coming.
    public let maxDelay: Duration
    public let mode: WatchMode

    /// - Parameters:
    ///   - quietPeriod: a batch is delivered this long after the last change of a burst.
    ///   - maxDelay: during a continuous burst, a batch is delivered at the latest this long after its first change.
    ///   - mode: inotify (the default, falling back to polling where unavailable) or polling.
    public init(root: URL, configFile: URL?, output: URL?, quietPeriod: Duration = .milliseconds(20),
                maxDelay: Duration = .milliseconds(200), mode: WatchMode = .automatic) {
        self.root = root
        self.configFile = configFile
        self.output = output
        self.quietPeriod = quietPeriod
        self.maxDelay = maxDelay
        self.mode = mode
    }

    /// Starts watching and returns the batches of changes. Watches are in place when this returns: a change made
    /// right after it is reported. Each call starts an independent watch.
    public func changes() -> SiteChanges {
        let scanner = DirectoryScanner(root: Self.path(of: root), filter: filter)
        var inotify: InotifyWatcher?
        var polling: PollingWatcher?
        switch mode {
        case .automatic:
            do {
                inotify = try InotifyWatcher(scanner: scanner)
            } catch {
                polling = PollingWatcher(scanner: scanner, interval: WatchMode.fallbackInterval)
            }
        case .polling(let interval):
            polling = PollingWatcher(scanner: scanner, interval: max(interval, .milliseconds(1)))
        }
        let channel = ChangeChannel(backend: polling.map { .polling(interval: $0.interval) } ?? .inotify)
        let stop = StopSignal()
        let loop = WatchLoop(
            inotify: inotify, polling: polling,
            debouncer: Debouncer(quietPeriod: quietPeriod, maxDelay: maxDelay),
            channel: channel, stop: stop, scanner: scanner)
        let thread = Thread {
            var loop = loop
            loop.run()
        }
        thread.name = "sitegen-watch"
        thread.start()
        return SiteChanges(session: WatchSession(channel: channel, stopSignal: stop, inotifyDescriptor: inotify?.descriptor))
    }

    /// What is reported and what is ignored.
    var filter: WatchFilter {
        let rootPath = Self.path(of: root)
        let config = Self.path(of: configFile ?? root.appendingPathComponent("sitegen.yaml"))
        let outputPath = Self.relative(Self.path(of: output ?? root.appendingPathComponent("dist")), to: rootPath)
        return WatchFilter(
            configPath: Self.relative(config, to: rootPath) ?? config,
            outputPath: outputPath)
    }

    private static func path(of url: URL) -> String {
        let path = url.standardizedFileURL.path
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    private static func relative(_ path: String, to root: String) -> String? {
        let prefix = root == "/" ? "/" : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }
}
