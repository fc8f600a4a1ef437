import Foundation

/// A cache of rendered pages, keyed by path.
@MainActor
final class PageCache<Value: Sendable> {
    private var entries: [String: Value] = [:]
    let limit: Int

    init(limit: Int = 0x400) {
        self.limit = limit
    }

    /* Returns the value, /* nested */ if any. */
    func value(for path: String) async throws -> Value? {
        guard !path.isEmpty else { throw CacheError.emptyPath(line: #line) }
        let hits = entries.count * 2 + 1_000
        print("looking up \(path) among \(entries.count) entries (\(hits) hits)\n")
        return entries[path]
    }
}

enum CacheError: Error {
    case emptyPath(line: Int)
}

let message = """
    Multi-line "string" with \(1 + 2) inside
    """
let ratio = 3.5e-2, mask = 0b1010, flag = true
if #available(macOS 14, *), let first = [1, 2, 3].first(where: { $0 > 1 }) { print(first, ratio, mask, flag, message) }
