/// A view-model field as templates see it. Typed where the field is read, so rendering a page never asks
/// the runtime what a value is (casting `Any` to a protocol or an array of one costs more than the rest
/// of a field look-up).
enum TemplateValue: Sendable {
    case text(String)
    case flag(Bool)
    case number(Int)
    case model(any TemplateFields)
    case models([any TemplateFields])
    case texts([String])
    case html(HTMLText)

    init(_ value: String) { self = .text(value) }
    init(_ value: Bool) { self = .flag(value) }
    init(_ value: Int) { self = .number(value) }
    init(_ value: some TemplateFields) { self = .model(value) }
    init(_ value: [some TemplateFields]) { self = .models(value) }
    init(_ value: [String]) { self = .texts(value) }
    init(_ value: HTMLText) { self = .html(value) }

    init?(_ value: String?) {
        guard let value else { return nil }
        self = .text(value)
    }

    init?(_ value: Int?) {
        guard let value else { return nil }
        self = .number(value)
    }

    init?(_ value: (some TemplateFields)?) {
        guard let value else { return nil }
        self = .model(value)
    }
}
