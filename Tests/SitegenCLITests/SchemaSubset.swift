import Foundation
import Testing

/// A validator for the JSON Schema keywords sitegen's schemas use (`type`, `required`, `properties`,
/// `additionalProperties: false`, `items`, `enum`, `const`, `minimum`), enough to hold output to its schema
/// in tests without a dependency. CI also validates with the `jsonschema` package.
enum SchemaSubset {
    struct Violation: Error, CustomStringConvertible {
        let description: String
    }

    static func validate(_ value: Any, against schema: [String: Any], at path: String = "$") throws {
        if let constant = schema["const"], "\(constant)" != "\(value)" { throw Violation(description: "\(path): expected \(constant)") }
        if let choices = schema["enum"] as? [String], !choices.contains("\(value)") { throw Violation(description: "\(path): \(value) not in \(choices)") }
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { throw Violation(description: "\(path): not an object") }
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { throw Violation(description: "\(path): missing \(key)") }
            for (key, item) in object {
                guard let property = properties[key] else {
                    if schema["additionalProperties"] as? Bool == false { throw Violation(description: "\(path): unexpected \(key)") }
                    continue
                }
                try validate(item, against: property, at: "\(path).\(key)")
            }
        case "array":
            guard let array = value as? [Any] else { throw Violation(description: "\(path): not an array") }
            for (index, item) in array.enumerated() { try validate(item, against: schema["items"] as? [String: Any] ?? [:], at: "\(path)[\(index)]") }
        case "string":
            guard value is String else { throw Violation(description: "\(path): not a string") }
        case "integer":
            guard let number = value as? Int else { throw Violation(description: "\(path): not an integer") }
            if let minimum = schema["minimum"] as? Int, number < minimum { throw Violation(description: "\(path): below \(minimum)") }
        default:
            break
        }
    }
}
