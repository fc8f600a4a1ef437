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
        let chunkCount = Swift.max(1, workers == 1 ? 1 : Swift.min(count, (workers ?? ProcessInfo.processInfo.activeProcessorCount) * 4))
        let chunkSize = Swift.max(1, (count + chunkCount - 1) / chunkCount)
        let starts = [Int](stride(from: 0, to: count, by: chunkSize))
        while states.count < starts.count { states.append(state()) }
        let mapChunk: @Sendable (ArraySlice<Element>, State) -> ([T], State) = { chunk, state in
            var current = state
            return (chunk.map { transform(&current, $0) }, current)
        }
        guard starts.count > 1 else {
            guard let start = starts.first else { return [] }
            let (mapped, state) = mapChunk(self[start...], states[0])
            states[0] = state
            return mapped
        }
        var done = await withTaskGroup(of: (Int, [T], State).self) { [states] group in
            for (number, start) in starts.enumerated() {
                let slice = self[start..<Swift.min(start + chunkSize, count)]
                let state = states[number]
                group.addTask {
                    let (mapped, state) = mapChunk(slice, state)
                    return (number, mapped, state)
                }
            }
            var chunks: [(Int, [T], State)] = []
            for await chunk in group { chunks.append(chunk) }
            return chunks.sorted { $0.0 < $1.0 }
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
    /// Appends the elements of `other` in order, each moved out of it, and leaves it empty. Appending them
    /// as they are would copy each one, retaining every reference it holds, and release them all again
    /// when `other` goes: for an article, dozens of atomic operations where a move needs none.
    mutating func appendMoving(_ other: inout [Element]) {
        reserveCapacity(count + other.count)
        other.reverseMoving()
        while let element = other.popLast() { append(element) }
    }

    /// Reverses the elements in place, each moved. (`reverse()` swaps through the array's subscript, which
    /// copies each element it moves and releases the one it overwrites; a buffer's `swapAt` moves them.)
    mutating func reverseMoving() {
        withUnsafeMutableBufferPointer { $0.reverse() }
    }

    /// Rearranges the elements so that the one at `i` is the one that was at `order[i]` (`order` holds
    /// each index once), by swaps along each cycle of `order`: every element is moved, none copied.
    mutating func permute(to order: [Int]) {
        precondition(order.count == count, "the order names every element")
        var placed = [Bool](repeating: false, count: count)
        withUnsafeMutableBufferPointer { elements in
            for start in elements.indices where !placed[start] {
                var current = start
                while !placed[current] {
                    placed[current] = true
                    let source = order[current]
                    if source == start { break }
                    elements.swapAt(current, source)
                    current = source
                }
            }
        }
    }

    /// The elements in consecutive slices of `size` (the last one shorter), in order.
    func slices(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
