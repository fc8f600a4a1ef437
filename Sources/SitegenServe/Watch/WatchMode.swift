/// How a `SiteWatcher` notices changes.
public enum WatchMode: Sendable, Equatable {
    /// inotify, or polling every 250 ms where inotify is unavailable (no `inotify_init1`, too few watches).
    case automatic
    /// Compare a snapshot of every watched file (size, modification time, inode) every `interval`.
    case polling(interval: Duration)

    /// The interval `automatic` polls at when it cannot use inotify.
    public static let fallbackInterval: Duration = .milliseconds(250)
}
