import Yams

extension Node {
    /// The resolved tag (`str`, `int`, `bool`, `null`, `timestamp`, …), as Yams' default resolver gives it.
    ///
    /// `YAMLBlock` composes with `Resolver.basic`, because composing with the default resolver is slow:
    /// Yams checks every mapping for duplicate keys by hashing each key, and hashing resolves the key's
    /// tag with one regular expression per rule (a quarter of the bundled site's build went to this for
    /// the language files). A plain scalar therefore keeps no tag of its own; it is resolved here, when
    /// asked, without the resolver when the answer is plain to see. (Keys come out of the duplicate check
    /// tagged `str`; only their text and position are read.)
    var tagName: Tag.Name {
        guard case .scalar(let scalar) = self, scalar.tag.rawValue == Tag.Name.implicit.rawValue else {
            return Tag.Name(rawValue: tag.rawValue)
        }
        return Self.plainTag(scalar.string) ?? Resolver.default.resolveTag(of: self)
    }

    /// The tag Yams' default resolver gives a plain scalar, found without it for text, booleans and nulls;
    /// nil for the rest (numbers, timestamps, `.inf`, `<<`, `=`, …), which start with one of
    /// `-+.0123456789<=` and are left to the resolver. Its other booleans and nulls are `~`, the empty
    /// scalar and words of two to five letters.
    static func plainTag(_ string: String) -> Tag.Name? {
        let utf8 = string.utf8
        guard let first = utf8.first else { return .null }
        if "-+.0123456789<=".utf8.contains(first) { return nil }
        guard utf8.count <= 5 else { return .str }
        switch string {
        case "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
             "on", "On", "ON", "off", "Off", "OFF": return .bool
        case "~", "null", "Null", "NULL": return .null
        default: return .str
        }
    }
}
