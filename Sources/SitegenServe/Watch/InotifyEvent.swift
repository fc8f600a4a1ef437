/// One record read from an inotify descriptor.
struct InotifyEvent: Sendable, Equatable {
    /// The watch descriptor; -1 for `IN_Q_OVERFLOW`.
    let watch: Int32
    let mask: UInt32
    let cookie: UInt32
    /// The entry's name inside the watched folder; empty for events about the folder itself.
    let name: String

    /// The size of `struct inotify_event` without its name.
    static let headerSize = 16

    /// Splits what `read(2)` returned into events (the kernel writes whole records only).
    static func parse(_ bytes: UnsafeRawBufferPointer) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var offset = 0
        while offset + headerSize <= bytes.count {
            let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let cookie = bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let start = offset + headerSize
            let end = min(start + length, bytes.count)
            let name = String(decoding: bytes[start..<end].prefix { $0 != 0 }, as: UTF8.self)
            events.append(InotifyEvent(watch: watch, mask: mask, cookie: cookie, name: name))
            offset = start + length
        }
        return events
    }
}
