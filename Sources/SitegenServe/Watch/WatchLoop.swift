import Glibc

/// The body of the watch thread: waits in `poll(2)` on the inotify descriptor and the stop signal (so no Swift
/// concurrency thread ever blocks), feeds changes to the debouncer and sends each due batch to the channel.
struct WatchLoop: Sendable {
    private var inotify: InotifyWatcher?
    private var polling: PollingWatcher?
    private var debouncer: Debouncer
    private let channel: ChangeChannel
    private let stop: StopSignal
    private let scanner: DirectoryScanner

    init(inotify: InotifyWatcher?, polling: PollingWatcher?, debouncer: Debouncer, channel: ChangeChannel,
         stop: StopSignal, scanner: DirectoryScanner) {
        self.inotify = inotify
        self.polling = polling
        self.debouncer = debouncer
        self.channel = channel
        self.stop = stop
        self.scanner = scanner
    }

    /// Runs until the consumer stops; closes every descriptor on the way out.
    mutating func run() {
        defer {
            inotify?.close()
            stop.close()
            channel.finish()
        }
        let clock = ContinuousClock()
        var nextScan = polling.map { clock.now + $0.interval }
        while !channel.isFinished {
            var now = clock.now
            if let batch = debouncer.flush(at: now) { channel.send(batch) }
            if let due = nextScan, let interval = polling?.interval, now >= due {
                debouncer.add(polling?.poll() ?? [], at: now)
                nextScan = now + interval
                continue
            }
            var wakeAt = [debouncer.deadline, nextScan].compactMap { $0 }.min()
            if stop.readEnd < 0 { wakeAt = min(wakeAt ?? now + .milliseconds(100), now + .milliseconds(100)) }
            var descriptors = [pollfd(fd: stop.readEnd, events: Int16(POLLIN), revents: 0)]
            if let inotify { descriptors.append(pollfd(fd: inotify.descriptor, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), Self.milliseconds(from: now, to: wakeAt))
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if descriptors[0].revents != 0 { return }
            guard descriptors.count > 1, descriptors[1].revents != 0 else { continue }
            do throws(InotifyWatcher.Failure) {
                now = clock.now
                let changed = try inotify?.readEvents(at: now) ?? []
                debouncer.add(changed, at: now)
                debouncer.awaitsWriters = inotify?.hasWriters(at: now, maxAge: debouncer.maxDelay) ?? false
            } catch {
                nextScan = fallBackToPolling(at: clock.now)
            }
        }
    }

    /// inotify failed while running (watch limit, read error): poll from now on, and report every file, since
    /// changes may have been missed.
    private mutating func fallBackToPolling(at now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        let known = inotify?.knownFiles ?? []
        inotify?.close()
        inotify = nil
        let watcher = PollingWatcher(scanner: scanner, interval: WatchMode.fallbackInterval)
        polling = watcher
        channel.backend = .polling(interval: watcher.interval)
        debouncer.add(known.union(watcher.snapshot.keys), at: now)
        return now + watcher.interval
    }

    /// A `poll(2)` timeout: -1 for none, else the milliseconds until `deadline`, rounded up.
    static func milliseconds(from now: ContinuousClock.Instant, to deadline: ContinuousClock.Instant?) -> Int32 {
        guard let deadline else { return -1 }
        let remaining = now.duration(to: deadline)
        guard remaining > .zero else { return 0 }
        let (seconds, attoseconds) = remaining.components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }
}
