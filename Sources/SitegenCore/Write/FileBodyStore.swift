#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `BodyStore` in a temporary file: a large site's rendered bodies wait on disk (in the page cache, as a
/// rule) instead of in the build's memory. The file is unlinked as soon as it is made, so it goes with the
/// build however the build ends. Copies share the file and each knows its own end, so only one copy
/// appends (the build hands the store on, from the parse to the site, and keeps none).
public struct FileBodyStore: BodyStore {
    private let file: Descriptor
    private let directory: String
    private var end = 0

    /// A store in a new file in `directory`.
    public init(directory: String) throws {
        file = Descriptor(try FileSystemCalls.unlinkedTemporaryFile(in: directory))
        self.directory = directory
    }

    public mutating func append(_ bytes: [UInt8]) throws -> Range<Int> {
        let start = end
        try bytes.withUnsafeBytes { try FileSystemCalls.write($0, to: file.value, at: start, path: "a temporary file in \(directory)") }
        end += bytes.count
        return start..<end
    }

    public func bytes(at range: Range<Int>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: range.count) { buffer, count in
            count = read(range, into: UnsafeMutableRawBufferPointer(buffer))
        }
    }

    public func text(at range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { buffer in read(range, into: UnsafeMutableRawBufferPointer(buffer)) }
    }

    /// Reads `range` whole into `buffer`. The file is this process's own and was written whole, so a read can
    /// only fail with the disk under it; that stops the build, which could not write its pages either.
    private func read(_ range: Range<Int>, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let path = "a temporary file in \(directory)"
        do {
            let done = try FileSystemCalls.read(into: buffer, from: file.value, at: range.lowerBound, path: path)
            guard done == range.count else { fatalError("cannot read back the rendered bodies: \(path) ends early") }
            return done
        } catch {
            fatalError("cannot read back the rendered bodies: \(error.localizedDescription)")
        }
    }
}

/// An open file, closed with the last store that shares it.
private final class Descriptor: Sendable {
    let value: Int32

    init(_ value: Int32) { self.value = value }

    deinit { close(value) }
}
