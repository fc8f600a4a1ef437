/// The changes of a watched site: one set of changed paths per burst of file-system activity.
///
/// Paths are relative to the site root (`content/blog/x.md`, `templates/article.mustache`, `sitegen.yaml`; a
/// config file outside the root keeps its absolute path). A set may hold deleted and renamed-away paths: read
/// each path again and treat a missing one as deleted. Batches the consumer has not taken yet are merged into one.
///
/// Iterate it from one task. Cancelling that task, or dropping the sequence and its iterator, stops the watch
/// and closes its descriptors; iteration then ends.
public struct SiteChanges: AsyncSequence, Sendable {
    public typealias Element = Set<String>
    public typealias Failure = Never

    let session: WatchSession

    /// How changes are noticed now (inotify can give way to polling when it fails while running).
    public var backend: WatchBackend { session.channel.backend }

    public func makeAsyncIterator() -> Iterator {
        Iterator(session: session)
    }

    /// Stops the watch now; iteration ends.
    public func stop() {
        session.stop()
    }

    /// Yields the batches of a `SiteChanges`.
    public struct Iterator: AsyncIteratorProtocol, Sendable {
        let session: WatchSession

        /// The next batch; nil once the watch has stopped or the task is cancelled.
        public mutating func next() async -> Set<String>? {
            let session = session
            return await withTaskCancellationHandler {
                await session.channel.next()
            } onCancel: {
                session.stop()
            }
        }
    }
}
