import Glibc
import Synchronization

/// Wakes the watch thread out of `poll(2)` when the consumer stops: a socket pair whose read end the thread
/// polls. The write end is used and closed under a lock, so a stop after the thread has exited never writes
/// to a descriptor number that has been reused.
final class StopSignal: Sendable {
    /// The end the watch thread polls; -1 when no socket pair could be made (the thread then checks
    /// periodically, and `poll` ignores negative descriptors).
    let readEnd: Int32
    private let writeEnd: Mutex<Int32?>

    init() {
        var pair: [Int32] = [-1, -1]
        let flags = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
        if socketpair(AF_UNIX, flags, 0, &pair) == 0 {
            readEnd = pair[0]
            writeEnd = Mutex(pair[1])
        } else {
            readEnd = -1
            writeEnd = Mutex(nil)
        }
    }

    /// Both descriptors, while open.
    var descriptors: [Int32] {
        writeEnd.withLock { writeEnd in writeEnd.map { [readEnd, $0] } ?? [] }
    }

    func raise() {
        writeEnd.withLock { writeEnd in
            guard let writeEnd else { return }
            var byte: UInt8 = 1
            _ = write(writeEnd, &byte, 1)
        }
    }

    /// Closes both ends; called once, by the watch thread as it exits.
    func close() {
        writeEnd.withLock { writeEnd in
            guard let descriptor = writeEnd else { return }
            Glibc.close(descriptor)
            Glibc.close(readEnd)
            writeEnd = nil
        }
    }
}
