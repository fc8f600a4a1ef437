import Mustache
import SitegenMustache

/// Data given to both engines: our values, and the same as swift-mustache dictionaries.
indirect enum TestData {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TestData])
    case object([String: TestData])

    var value: MustacheValue {
        switch self {
        case .text(let text): return .string(text)
        case .number(let number): return .int(number)
        case .flag(let flag): return .bool(flag)
        case .list(let items): return .list(items.map(\.value))
        case .object(let fields): return .object(TestObject(fields: fields.mapValues(\.value)))
        }
    }

    var oracle: Any {
        switch self {
        case .text(let text): return text
        case .number(let number): return number
        case .flag(let flag): return flag
        case .list(let items): return items.map(\.oracle)
        case .object(let fields): return fields.mapValues(\.oracle)
        }
    }
}

final class TestObject: MustacheObject {
    let fields: [String: MustacheValue]

    init(fields: [String: MustacheValue]) {
        self.fields = fields
    }

    func field(_ name: String) -> MustacheValue? {
        fields[name]
    }
}

/// Renders with both engines; nil for an engine whose parser refuses a template.
enum Engines {
    /// `isolated`: rendered from `MustacheLibrary.isolatedCopy()` of the library.
    static func ours(_ templates: [String: String], _ data: TestData, name: String = "main", isolated: Bool = false) -> String? {
        var library = SitegenMustache.MustacheLibrary()
        for (templateName, source) in templates {
            guard let template = try? SitegenMustache.MustacheTemplate(source) else { return nil }
            library.register(template, named: templateName)
        }
        if isolated { library = library.isolatedCopy() }
        return (try? library.render(name, data.value)).flatMap { $0 }.map { String(decoding: $0, as: UTF8.self) }
    }

    static func oracle(_ templates: [String: String], _ data: TestData, name: String = "main") -> String? {
        var library = Mustache.MustacheLibrary()
        for (templateName, source) in templates {
            guard let template = try? Mustache.MustacheTemplate(string: source) else { return nil }
            library.register(template, named: templateName)
        }
        return library.render(data.oracle, withTemplate: name)
    }
}
