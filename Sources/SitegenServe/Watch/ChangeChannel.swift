import Synchronization

/// Hands batches from the watch thread to the consumer. Batches the consumer has not taken yet are merged, so a
/// consumer busy rebuilding gets one batch with everything that changed meanwhile.
final class ChangeChannel: Sendable {
    private struct State {
        var pending: Set<String> = []
        var waiters: [CheckedContinuation<Set<String>?, Never>] = []
        var finished = false
        var backend: WatchBackend
    }

    private let state: Mutex<State>

    init(backend: WatchBackend) {
        state = Mutex(State(backend: backend))
    }

    /// What the watch thread uses now.
    var backend: WatchBackend {
        get { state.withLock { $0.backend } }
        set { state.withLock { $0.backend = newValue } }
    }

    var isFinished: Bool { state.withLock { $0.finished } }

    /// Delivers a batch to a waiting consumer, or keeps it (merged) for the next `next()`.
    func send(_ batch: Set<String>) {
        guard !batch.isEmpty else { return }
        let waiter = state.withLock { state -> CheckedContinuation<Set<String>?, Never>? in
            guard !state.finished else { return nil }
            if state.waiters.isEmpty {
                state.pending.formUnion(batch)
                return nil
            }
            return state.waiters.removeFirst()
        }
        waiter?.resume(returning: batch)
    }

    /// Ends the stream: waiting and later `next()` calls return nil; batches not taken are dropped.
    func finish() {
        let waiters = state.withLock { state in
            state.finished = true
            state.pending = []
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: nil) }
    }

    /// The next batch, waiting for one; nil once finished.
    func next() async -> Set<String>? {
        await withCheckedContinuation { continuation in
            let result = state.withLock { state -> Set<String>?? in
                if state.finished { return .some(nil) }
                if !state.pending.isEmpty {
                    defer { state.pending = [] }
                    return .some(state.pending)
                }
                state.waiters.append(continuation)
                return nil
            }
            if let result { continuation.resume(returning: result) }
        }
    }
}
