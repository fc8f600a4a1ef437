import Foundation
import SitegenSearch

/// Renders the bodies of a parse a slice at a time, each slice in chunks on all cores, and hands each
/// rendered slice, in order, to a `ContentParser.BodyKeeper` while later slices render. A core that
/// finishes its chunks of one slice goes on with the next slice's, rather than waiting for the slice's last
/// chunk: rendered slice by slice, each slice's end left a core idle for most of a chunk's time.
///
/// Only as many chunks as there are workers are started at a time, each as one ends: with more queued, the
/// executor ran them out of order, and a slice's last chunk could start late enough to hold back the keeper.
/// At most two slices render ahead of the keeper: only they hold their sources' bytes.
struct BodyPipeline {
    typealias Rendered = (Article, [Diagnostic], reused: Bool)
    typealias Render = @Sendable (inout TermCache, ArticleSource) -> Rendered

    /// The articles' index ranges rendered together, in order.
    private let slices: [Range<Int>]
    /// Each chunk: its slice, and its range within the slice's articles.
    private let chunks: [(slice: Int, range: Range<Int>)]
    /// Chunks rendering at a time, each with a term cache of its own.
    private let inFlight: Int

    /// `slices` cut into chunks as `parallelMap` cuts an array (`Array.chunkRanges`). Smaller chunks shorten
    /// only the wait for the last one, and cost more than that at 10,000 articles.
    init(slices: [Range<Int>], workers: Int?) {
        self.slices = slices
        chunks = slices.enumerated().flatMap { number, slice in
            [ArticleSource].chunkRanges(slice.count, workers: workers).map { (slice: number, range: $0) }
        }
        inFlight = workers ?? ProcessInfo.processInfo.activeProcessorCount
    }

    /// What a task of the pipeline finished.
    private enum Done: Sendable {
        /// Chunk `number` rendered, with the term cache it used.
        case rendered(number: Int, [Rendered], TermCache)
        /// A slice kept, with the keeper after it.
        case kept(ContentParser.BodyKeeper, [Rendered])
    }

    /// Every body of `sources` through `render`, in order, each slice kept by `keeper` (the keeper after the
    /// last slice is returned). Each slice's sources are taken from `sources` when its first chunk starts;
    /// with `releasing`, `sources` lets go of their bytes then.
    func run(
        _ sources: inout [ArticleSource], releasing: Bool, keeper: ContentParser.BodyKeeper, _ render: @escaping Render
    ) async -> (ContentParser.BodyKeeper, [Rendered]) {
        var progress = Progress(slices: slices, keeper: keeper)
        await withTaskGroup(of: Done.self) { group in
            start(&progress, from: &sources, releasing: releasing, in: &group, render)
            while let done = await group.next() {
                switch done {
                case .rendered(let number, let bodies, let cache):
                    progress.finish(chunk: chunks[number], bodies, cache: cache)
                case .kept(let keeper, var kept):
                    progress.keeper = keeper
                    progress.bodies.appendMoving(&kept)
                    progress.kept += 1
                    progress.keeping = false
                }
                if !progress.keeping, let slice = progress.ready.removeValue(forKey: progress.kept) {
                    progress.keeping = true
                    group.addTask { [keeper = progress.keeper] in
                        let (next, kept) = await keeper.keeping(slice)
                        return .kept(next, kept)
                    }
                }
                start(&progress, from: &sources, releasing: releasing, in: &group, render)
            }
        }
        return (progress.keeper, progress.bodies)
    }

    /// Starts chunks while fewer than `inFlight` render and their slice is at most two ahead of the keeper.
    private func start(
        _ progress: inout Progress, from sources: inout [ArticleSource], releasing: Bool,
        in group: inout TaskGroup<Done>, _ render: @escaping Render
    ) {
        while progress.rendering < inFlight, progress.next < chunks.count, chunks[progress.next].slice < progress.kept + 2 {
            let number = progress.next, chunk = chunks[number]
            if progress.taken.slice != chunk.slice {
                let range = slices[chunk.slice]
                progress.taken = (chunk.slice, Array(sources[range]))
                if releasing { for index in range { sources[index].releaseData() } }
            }
            let part = progress.taken.sources[chunk.range]
            let cache = progress.caches.popLast() ?? TermCache()
            group.addTask {
                var cache = cache
                let bodies = part.map { render(&cache, $0) }
                return .rendered(number: number, bodies, cache)
            }
            progress.next += 1
            progress.rendering += 1
        }
    }

    /// Where a run stands.
    private struct Progress {
        var keeper: ContentParser.BodyKeeper
        /// The kept slices' bodies, in order.
        var bodies: [Rendered] = []
        /// Slices kept, and whether one is being kept.
        var kept = 0
        var keeping = false
        /// Rendered slices waiting for the keeper, by number.
        var ready: [Int: [Rendered]] = [:]
        /// Each slice's rendered chunks so far, by their start, and how many of its articles are still to come.
        var parts: [Int: [Int: [Rendered]]] = [:]
        var missing: [Int]
        /// The next chunk to start, and how many render.
        var next = 0
        var rendering = 0
        /// Term caches not in use.
        var caches: [TermCache] = []
        /// The sources of the slice whose chunks are being started.
        var taken: (slice: Int, sources: [ArticleSource]) = (-1, [])

        init(slices: [Range<Int>], keeper: ContentParser.BodyKeeper) {
            self.keeper = keeper
            missing = slices.map(\.count)
        }

        /// Files a rendered chunk; its slice is ready once all of its chunks are.
        mutating func finish(chunk: (slice: Int, range: Range<Int>), _ bodies: [Rendered], cache: TermCache) {
            caches.append(cache)
            rendering -= 1
            parts[chunk.slice, default: [:]][chunk.range.lowerBound] = bodies
            missing[chunk.slice] -= chunk.range.count
            guard missing[chunk.slice] == 0, var done = parts.removeValue(forKey: chunk.slice) else { return }
            var slice: [Rendered] = []
            for start in done.keys.sorted() { slice.appendMoving(&done[start]!) }
            ready[chunk.slice] = slice
        }
    }
}
