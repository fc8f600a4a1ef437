import SitegenCore

/// The site the preview server shows, and the pages watching it: the last good `ServedSite`, the
/// problems of the last build when it failed, and one event stream per open page.
public actor LiveSite {
    /// The snapshot being served: the last build that succeeded.
    public private(set) var current: ServedSite
    /// The diagnostics of the last build when it failed; empty when it succeeded.
    public private(set) var failure: [Diagnostic] = []
    /// Whether the last build failed (the last good site is still served).
    public private(set) var isFailing = false

    private var subscribers: [Int: AsyncStream<LiveEvent>.Continuation] = [:]
    private var nextSubscriber = 0

    /// A live site serving `site`.
    public init(site: ServedSite = ServedSite()) {
        current = site
    }

    /// Serves `site` from now on and clears the failure. Sends `.reload(changed:)` with the site URLs that
    /// changed since the previous snapshot (`changed` when the caller knows them, sorted), when any did or
    /// when the previous build had failed (so open pages drop their overlay). Returns the changed URLs.
    @discardableResult
    public func publish(_ site: ServedSite, changed known: [String]? = nil) -> [String] {
        let changed = known ?? site.changedPaths(since: current)
        let wasFailing = isFailing
        current = site
        failure = []
        isFailing = false
        if !changed.isEmpty || wasFailing { send(.reload(changed: changed)) }
        return changed
    }

    /// Records a failed build: the last good site stays served and open pages get `.failed(diagnostics)`.
    public func fail(_ diagnostics: [Diagnostic]) {
        failure = diagnostics
        isFailing = true
        send(.failed(diagnostics))
    }

    /// The events from now on, until the stream is dropped or its task cancelled, or `finish()`. A slow
    /// reader keeps only the newest events.
    ///
    /// Subscribe before causing the event you wait for:
    /// ```
    /// var events = await live.subscribe().makeAsyncIterator()
    /// await live.publish(site)
    /// let event = await events.next()
    /// ```
    public func subscribe() -> AsyncStream<LiveEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: LiveEvent.self, bufferingPolicy: .bufferingNewest(16))
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        return stream
    }

    /// How many event streams are open.
    public var subscriberCount: Int {
        subscribers.count
    }

    /// Ends every event stream (the server is stopping).
    public func finish() {
        let open = subscribers.values
        subscribers = [:]
        for continuation in open { continuation.finish() }
    }

    private func send(_ event: LiveEvent) {
        for id in subscribers.keys.sorted() { subscribers[id]?.yield(event) }
    }

    private func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }
}

extension LiveSite {
    /// Whether the last build failed and its diagnostics, read together.
    func status() -> (failing: Bool, diagnostics: [Diagnostic]) {
        (isFailing, failure)
    }
}
