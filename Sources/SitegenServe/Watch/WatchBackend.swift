/// What a running watcher actually uses, for the server to print.
public enum WatchBackend: Sendable, Equatable {
    /// Linux inotify: changes arrive without polling delay.
    case inotify
    /// A snapshot compared every `interval`.
    case polling(interval: Duration)
}
