/// A value a template can show, test or iterate. View models hand these to the engine through
/// `MustacheObject`, so rendering never reflects over types. A missing value is `nil`, never a case.
public enum MustacheValue: Sendable {
    case bool(Bool)
    case int(Int)
    case string(String)
    /// Text kept as UTF-8 (a rendered article body, say): shown, tested and transformed like `string`,
    /// and written out without making a String of it.
    case utf8([UInt8])
    case object(any MustacheObject)
    case list([MustacheValue])

    /// The value as interpolated text (before escaping): lists and objects show nothing useful, as in
    /// other Mustache engines, so they render their Swift description.
    var text: String {
        switch self {
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .string(let value): return value
        case .utf8(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .object(let value): return String(describing: value)
        case .list(let values): return "[" + values.map(\.text).joined(separator: ", ") + "]"
        }
    }
}

/// Something with named fields: `{{title}}` asks the innermost object on the stack that has `title`.
/// Objects are classes: a value is copied every time a name is looked up or a section entered, and a
/// reference copies with one retain, where a struct in an existential is copied through its type's
/// value witnesses (a heap box and every field retained, for a view model of a few strings).
public protocol MustacheObject: AnyObject, Sendable {
    /// The field called `name`; `nil` when the object has no such field or it has no value (the lookup
    /// then goes on to the enclosing objects, as in swift-mustache).
    func field(_ name: String) -> MustacheValue?
}

extension MustacheValue {
    /// The object's field `name`; nil when the value is not an object or has no such field.
    func field(_ name: String) -> MustacheValue? {
        guard case .object(let object) = self else { return nil }
        return object.field(name)
    }

    /// The string, when the value is one.
    var stringValue: String? {
        switch self {
        case .string(let text): return text
        case .utf8(let bytes): return String(decoding: bytes, as: UTF8.self)
        default: return nil
        }
    }
}
