/// Gathers changed paths into one batch per burst: a batch is due `quietPeriod` after the last change, or
/// `maxDelay` after the first one while changes keep coming or a file is still being written.
struct Debouncer: Sendable {
    let quietPeriod: Duration
    let maxDelay: Duration
    private(set) var pending: Set<String> = []
    private var first: ContinuousClock.Instant?
    private var last: ContinuousClock.Instant?
    /// A file of the burst is open for writing: wait for it to be closed (up to `maxDelay`), so that a writer
    /// descheduled between `write` and `close` does not get a half-written file rebuilt.
    var awaitsWriters = false

    init(quietPeriod: Duration, maxDelay: Duration) {
        self.quietPeriod = quietPeriod
        self.maxDelay = max(maxDelay, quietPeriod)
    }

    /// Adds the paths changed at `now`; an empty set changes nothing (a filtered event is not a change).
    mutating func add(_ paths: Set<String>, at now: ContinuousClock.Instant) {
        guard !paths.isEmpty else { return }
        pending.formUnion(paths)
        if first == nil { first = now }
        last = now
    }

    /// When the pending batch is due; nil when nothing is pending.
    var deadline: ContinuousClock.Instant? {
        guard let first, let last else { return nil }
        return awaitsWriters ? first + maxDelay : min(last + quietPeriod, first + maxDelay)
    }

    /// The pending batch if it is due at `now`, which then starts a new burst.
    mutating func flush(at now: ContinuousClock.Instant) -> Set<String>? {
        guard let deadline, now >= deadline else { return nil }
        defer {
            pending = []
            first = nil
            last = nil
        }
        return pending
    }
}
