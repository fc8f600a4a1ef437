import Foundation

extension Array where Element: Sendable {
    /// Maps in parallel, in contiguous chunks, keeping the order of the input: over all cores when
    /// `workers` is nil, in this task alone when it is 1 (`sitegen build --jobs 1`), else in `workers × 4` chunks.
    func parallelMap<T: Sendable>(workers: Int?, _ transform: @escaping @Sendable (Element) -> T) async -> [T] {
        await parallelMap(workers: workers, state: {}) { _, element in transform(element) }
    }

    /// `parallelMap`, where each chunk starts from a fresh `state()` and hands it from one element to the
    /// next (a cache that only saves work: the results must not depend on how the input was cut).
    func parallelMap<T: Sendable, State>(
        workers: Int?, state: @escaping @Sendable () -> State, _ transform: @escaping @Sendable (inout State, Element) -> T
    ) async -> [T] {
        let chunkCount = workers == 1 ? 1 : Swift.min(count, (workers ?? ProcessInfo.processInfo.activeProcessorCount) * 4)
        let mapChunk: @Sendable (ArraySlice<Element>) -> [T] = { chunk in
            var current = state()
            return chunk.map { transform(&current, $0) }
        }
        guard chunkCount > 1 else { return mapChunk(self[...]) }
        let chunkSize = (count + chunkCount - 1) / chunkCount
        return await withTaskGroup(of: (Int, [T]).self) { group in
            for start in stride(from: 0, to: count, by: chunkSize) {
                let slice = self[start..<Swift.min(start + chunkSize, count)]
                group.addTask { (start, mapChunk(slice)) }
            }
            var chunks: [(Int, [T])] = []
            for await chunk in group { chunks.append(chunk) }
            return chunks.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}
