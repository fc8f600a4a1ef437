import ArgumentParser
import Dispatch
import Foundation
import SitegenCore
import SitegenServe

/// `sitegen serve`: a live preview with incremental rebuilds; Ctrl-C stops it.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it with live reload, and rebuild on every save.",
        discussion: """
            Serves the build from memory (dist/ is not touched unless --output names it). Open pages reload \
            after every successful rebuild; a failed one keeps the last good version and shows its errors \
            in the page. Binds to 127.0.0.1 unless --host says otherwise; --port 0 picks a free port.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("Also write every successful build to this folder.", valueName: "dir"))
    var output: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Build as if published under this URL.", valueName: "url"))
    var baseURL: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let console = Console()
        let settings = PreviewSession.Settings(
            root: site.root, configFile: site.configURL, host: host, port: port,
            options: try site.buildOptions(baseURL: baseURL), output: output.map { URL(fileURLWithPath: $0).standardizedFileURL })
        let session = PreviewSession(settings: settings)
        let task = Task {
            try await session.run(log: { console.error($0) }, onListening: { address in
                if !address.isLoopback { console.error("warning: listening on \(address.host): anyone on your network can open this preview") }
                console.out("Serving \(address.url) (Ctrl-C to stop)")
            })
        }
        let interrupt = Self.onInterrupt { task.cancel() }
        defer { interrupt.cancel() }
        do {
            try await task.value
        } catch let error as PreviewServerError {
            console.error("error: \(error.description)")
            throw ExitCode.failure
        }
    }

    /// Calls `handler` on SIGINT (Ctrl-C) instead of the default immediate exit, so the server closes cleanly.
    private static func onInterrupt(_ handler: @escaping @Sendable () -> Void) -> any DispatchSourceSignal {
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        signal(SIGINT, SIG_IGN)
        source.setEventHandler(handler: handler)
        source.resume()
        return source
    }
}
