/// One running watch: what the consumer's side holds. Stopping it, or dropping the last reference to it, ends
/// the watch thread, which then closes its descriptors.
final class WatchSession: Sendable {
    let channel: ChangeChannel
    let stopSignal: StopSignal
    /// The inotify descriptor while inotify was used from the start (for tests that check it is closed).
    let inotifyDescriptor: Int32?

    init(channel: ChangeChannel, stopSignal: StopSignal, inotifyDescriptor: Int32?) {
        self.channel = channel
        self.stopSignal = stopSignal
        self.inotifyDescriptor = inotifyDescriptor
    }

    func stop() {
        channel.finish()
        stopSignal.raise()
    }

    deinit {
        stop()
    }
}
