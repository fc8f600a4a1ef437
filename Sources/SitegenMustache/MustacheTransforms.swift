import Foundation

/// `{{#empty(items)}}`, `{{count(items)}}`, `{{uppercased(name)}}`…: the transforms of
/// swift-mustache, which themes written for it use. An unknown transform, or one that does not apply
/// to the value, gives nothing.
enum MustacheTransforms {
    static func apply(_ transform: String, to value: MustacheValue) -> MustacheValue? {
        switch value {
        case .string(let text): return apply(transform, to: text)
        case .utf8(let bytes): return apply(transform, to: String(decoding: bytes, as: UTF8.self))
        case .int(let number): return apply(transform, to: number)
        case .list(let items): return apply(transform, to: items)
        case .bool, .object: return nil
        }
    }

    private static func apply(_ transform: String, to text: String) -> MustacheValue? {
        switch transform {
        case "empty": return .bool(text.isEmpty)
        case "capitalized": return .string(text.capitalized)
        case "lowercased": return .string(text.lowercased())
        case "uppercased": return .string(text.uppercased())
        case "reversed": return .string(String(text.reversed()))
        default: return nil
        }
    }

    private static func apply(_ transform: String, to number: Int) -> MustacheValue? {
        switch transform {
        case "equalzero": return .bool(number == 0)
        case "plusone": return .int(number + 1)
        case "minusone": return .int(number - 1)
        case "even": return .bool(number & 1 == 0)
        case "odd": return .bool(number & 1 == 1)
        default: return nil
        }
    }

    private static func apply(_ transform: String, to items: [MustacheValue]) -> MustacheValue? {
        switch transform {
        case "first": return items.first
        case "last": return items.last
        case "reversed": return .list(items.reversed())
        case "count": return .int(items.count)
        case "empty": return .bool(items.isEmpty)
        case "sorted": return sorted(items).map(MustacheValue.list)
        default: return nil
        }
    }

    /// Lists of strings or of integers sort; others do not.
    private static func sorted(_ items: [MustacheValue]) -> [MustacheValue]? {
        let strings = items.compactMap(\.stringValue)
        if strings.count == items.count { return strings.sorted().map(MustacheValue.string) }
        let numbers = items.compactMap { if case .int(let number) = $0 { number } else { nil } }
        if numbers.count == items.count { return numbers.sorted().map(MustacheValue.int) }
        return nil
    }
}

/// Where an item is in the list being iterated: `first()`, `last()`, `index()`, `even()`, `odd()`.
struct MustacheSequencePosition {
    let index: Int
    let isLast: Bool

    func transform(_ name: String) -> MustacheValue? {
        switch name {
        case "first": return .bool(index == 0)
        case "last": return .bool(isLast)
        case "index": return .int(index)
        case "even": return .bool(index & 1 == 0)
        case "odd": return .bool(index & 1 == 1)
        default: return nil
        }
    }
}
