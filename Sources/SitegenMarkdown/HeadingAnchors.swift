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
        asciiSlug(text) ?? unicodeSlug(text)
    }

    /// `slug` of ASCII text, on bytes (nil for other text): lower-casing ASCII only maps A–Z, and its only
    /// letters and digits are a–z, A–Z and 0–9.
    static func asciiSlug(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var slug: [UInt8] = []
            slug.reserveCapacity(bytes.count)
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let lower = byte &- 0x41 < 26 ? byte | 0x20 : byte
                if lower &- 0x61 < 26 || lower &- 0x30 < 10 || lower == UInt8(ascii: "-") || lower == UInt8(ascii: "_") {
                    slug.append(lower)
                } else if lower == UInt8(ascii: " ") {
                    slug.append(UInt8(ascii: "-"))
                }
            }
            return String(decoding: slug, as: UTF8.self)
        }
    }

    /// `slug` of any text, through Unicode's properties.
    static func unicodeSlug(_ text: String) -> String {
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
