import Foundation
import SitegenCore

/// `sitegen serve`: builds the site, serves it from memory with live reload, and rebuilds incrementally
/// after every batch of saved files until cancelled. A failed rebuild keeps the last good site served and
/// shows its diagnostics in every open page. Nothing is written unless `output` is set.
public struct PreviewSession: Sendable {
    /// What `sitegen serve` was asked for.
    public struct Settings: Sendable {
        public var root: URL
        public var configFile: URL?
        public var host: String
        public var port: Int
        public var options: BuildOptions
        /// Also write every successful build here (never `dist/` unless asked).
        public var output: URL?

        public init(root: URL, configFile: URL? = nil, host: String = "127.0.0.1", port: Int = 8080, options: BuildOptions, output: URL? = nil) {
            self.root = root
            self.configFile = configFile
            self.host = host
            self.port = port
            self.options = options
            self.output = output
        }
    }

    public let settings: Settings
    public let live: LiveSite

    public init(settings: Settings, live: LiveSite = LiveSite()) {
        self.settings = settings
        self.live = live
    }

    /// Runs until the calling task is cancelled. `log` receives one line per event (the address, each
    /// rebuild, each failure); `onListening` the bound address. Throws `PreviewServerError` when the
    /// address cannot be bound.
    public func run(log: @escaping @Sendable (String) -> Void, onListening: @escaping @Sendable (ServerAddress) async -> Void = { _ in }) async throws {
        let loader = SiteLoader(root: settings.root, configFile: settings.configFile)
        // Watch first, so a save during the first build is not missed.
        let changes = SiteWatcher(root: settings.root, configFile: settings.configFile, output: settings.output).changes()
        let (basePaths, basePathFound) = AsyncStream.makeStream(of: String.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [live, settings, outputWriter] in
                // Made and owned by this task alone: a second copy of the rebuilder would hold on to its caches,
                // and the first rebuild would then copy them all instead of updating them in place.
                var rebuilder = Rebuilder(loader: loader, builder: IncrementalBuilder(options: settings.options), live: live, output: outputWriter, log: log)
                await rebuilder.start()
                basePathFound.yield(rebuilder.basePath)
                basePathFound.finish()
                for await paths in changes { await rebuilder.rebuild(paths) }
            }
            // Either ends only on cancellation or with the server's bind error: stop the other one too.
            defer { group.cancelAll() }
            var first = basePaths.makeAsyncIterator()
            guard let basePath = await first.next() else { return }
            let server = PreviewServer(live: live, host: settings.host, port: settings.port, basePath: basePath)
            group.addTask { try await server.run(onListening: onListening) }
            try await group.next()
        }
    }

    private var outputWriter: OutputWriter? {
        settings.output.map { OutputWriter(output: $0, siteRoot: settings.root) }
    }
}
