import SitegenServe
import Synchronization

/// Consumes a watcher's batches in its own task, recording each with the time it arrived.
final class WatchBatchCollector: Sendable {
    struct Arrival: Sendable {
        let paths: Set<String>
        let time: ContinuousClock.Instant
    }

    private let log = Mutex<(arrivals: [Arrival], ended: Bool)>(([], false))
    private let consumer = Mutex<Task<Void, Never>?>(nil)

    /// Starts consuming `changes`.
    static func start(_ changes: SiteChanges) -> WatchBatchCollector {
        let collector = WatchBatchCollector()
        let task = Task {
            for await batch in changes {
                collector.log.withLock { $0.arrivals.append(Arrival(paths: batch, time: .now)) }
            }
            collector.log.withLock { $0.ended = true }
        }
        collector.consumer.withLock { $0 = task }
        return collector
    }

    var arrivals: [Arrival] { log.withLock { $0.arrivals } }
    var batches: [Set<String>] { arrivals.map(\.paths) }
    var reported: Set<String> { batches.reduce(into: []) { $0.formUnion($1) } }
    var hasEnded: Bool { log.withLock { $0.ended } }

    /// Waits until `condition` holds, at most `timeout`; whether it held.
    @discardableResult
    func wait(timeout: Duration = .seconds(3), until condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(2))
        }
        return true
    }

    /// Waits until every path of `expected` was reported, then `settle` more for stray batches; returns the
    /// batches.
    func batches(reporting expected: Set<String>, settle: Duration = .milliseconds(150)) async -> [Set<String>] {
        await wait { expected.isSubset(of: reported) }
        try? await Task.sleep(for: settle)
        return batches
    }

    /// Cancels the consuming task and waits for its loop to end.
    func cancel() async {
        let task = consumer.withLock { $0 }
        task?.cancel()
        await task?.value
    }
}
