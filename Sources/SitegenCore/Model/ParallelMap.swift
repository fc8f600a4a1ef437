import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// Maps in parallel, in contiguous chunks, keeping the order of the input: over all cores when
    /// `workers` is nil, in this task alone when it is 1 (`sitegen build --jobs 1`), else in `workers × 4` chunks.
    func parallelMap<T: Sendable>(workers: Int?, _ transform: @escaping @Sendable (Element) -> T) async -> [T] {
        await parallelMap(workers: workers, state: {}) { _, element in transform(element) }
    }

    /// `parallelMap`, where each chunk starts from a fresh `state()` and hands it from one element to the
    /// next (a cache that only saves work: the results must not depend on how the input was cut).
    func parallelMap<T: Sendable, State: Sendable>(
        workers: Int?, state: @escaping @Sendable () -> State, _ transform: @escaping @Sendable (inout State, Element) -> T
    ) async -> [T] {
        var states: [State] = []
        return await parallelMap(workers: workers, states: &states, state: state, transform)
    }

    /// `parallelMap(workers:state:_:)`, where chunk `i` starts from `states[i]` (from a fresh `state()` when
    /// there is none) and leaves its state there: a caller that maps a long array a slice at a time keeps its
    /// workers' caches from one slice to the next.
    func parallelMap<T: Sendable, State: Sendable>(
        workers: Int?, states: inout [State], state: @escaping @Sendable () -> State,
        _ transform: @escaping @Sendable (inout State, Element) -> T
    ) async -> [T] {
        let chunks = Self.chunkRanges(count, workers: workers)
        while states.count < chunks.count { states.append(state()) }
        let mapChunk: @Sendable (ArraySlice<Element>, State) -> ([T], State) = { chunk, state in
            var current = state
            return (chunk.map { transform(&current, $0) }, current)
        }
        guard chunks.count > 1 else {
            guard let only = chunks.first else { return [] }
            let (mapped, state) = mapChunk(self[only], states[0])
            states[0] = state
            return mapped
        }
        var done = await withTaskGroup(of: (Int, [T], State).self) { [states] group in
            for (number, range) in chunks.enumerated() {
                let slice = self[range]
                let state = states[number]
                group.addTask {
                    let (mapped, state) = mapChunk(slice, state)
                    return (number, mapped, state)
                }
            }
            var done: [(Int, [T], State)] = []
            for await chunk in group { done.append(chunk) }
            return done.sorted { $0.0 < $1.0 }
        }
        var mapped: [T] = []
        mapped.reserveCapacity(count)
        for index in done.indices {
            states[done[index].0] = done[index].2
            mapped.appendMoving(&done[index].1)
        }
        return mapped
    }
}

extension Array where Element: Sendable {
    /// Maps on all cores and returns when done, for synchronous callers (loading files, reading language
    /// files): `chunkSize` elements per job, results in the order of the input.
    func concurrentMap<T: Sendable>(chunkSize: Int = 1, _ transform: @Sendable (Element) -> T) -> [T] {
        let chunks = slices(of: chunkSize).map(\.indices)
        let results = Mutex([T?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: chunks.count) { chunk in
            let mapped = self[chunks[chunk]].map(transform)
            results.withLock { all in
                for (index, result) in zip(chunks[chunk], mapped) { all[index] = result }
            }
        }
        return results.withLock { $0 }.map { $0! }
    }
}

extension Array {
    /// `count` elements cut into contiguous chunks for `workers` (nil: all cores): one chunk for a single
    /// worker, else `workers × 4`, so that a core that finishes early takes another.
    static func chunkRanges(_ count: Int, workers: Int?) -> [Range<Int>] {
        let perWorker = workers == 1 ? 1 : (workers ?? ProcessInfo.processInfo.activeProcessorCount) * 4
        let size = Swift.max(1, (count + perWorker - 1) / perWorker)
        return stride(from: 0, to: count, by: size).map { $0..<Swift.min($0 + size, count) }
    }

    /// The elements in consecutive slices of `size` (the last one shorter), in order.
    func slices(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
