import SitegenText

/// Hands out GitHub-style heading ids, unique within one document.
struct HeadingIDs {
    private var used: Set<String> = []
    private var suffixes: [String: Int] = [:]

    /// The id for a heading with this plain text: its slug, or `section` when that is empty,
    /// with `-1`, `-2`, … added until it is not taken (also by a literal heading such as "foo 1").
    mutating func id(for text: String) -> String {
        let slug = Self.slug(text)
        let base = slug.isEmpty ? "section" : slug
        var candidate = base
        while used.contains(candidate) {
            let suffix = suffixes[base, default: 0] + 1
            suffixes[base] = suffix
            candidate = "\(base)-\(suffix)"
        }
        used.insert(candidate)
        return candidate
    }

    /// Lower-cased; letters, digits, `-`, `_` kept; spaces become `-`; everything else dropped.
    static func slug(_ text: String) -> String {
        var slug = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars where isKept(scalar) {
            slug.append(scalar == " " ? "-" : scalar)
        }
        return String(slug)
    }

    private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return true  // accents of decomposed letters (e + U+0301) belong to the letter
        default:
            return scalar == " " || scalar == "-" || scalar == "_"
        }
    }
}

/// The HTML of a heading with an id and a visible anchor link.
enum HeadingAnchor {
    /// `<hN id="…">inner<a class="heading-anchor" href="#…" aria-label="Link to this section: …">#</a></hN>`
    static func html(for heading: Heading, innerHTML: String) -> String {
        let id = escapeHTML(heading.id)
        let label = escapeHTML("Link to this section: \(heading.text)")
        return "<h\(heading.level) id=\"\(id)\">\(innerHTML)"
            + "<a class=\"heading-anchor\" href=\"#\(id)\" aria-label=\"\(label)\">#</a></h\(heading.level)>"
    }

    /// Escapes like cmark-gfm does in text and attributes: `&`, `<`, `>` and `"`.
    static func escapeHTML(_ text: String) -> String {
        htmlEscaping.apply(to: text)
    }

    private static let htmlEscaping = TextReplacement([("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;")])
}
