import Foundation

/// URL slugs: lower-case letters and digits separated by single hyphens.
public enum Slug {
    /// `"Open Source"` → `"open-source"`, `"Café  AI!"` → `"cafe-ai"`. Idempotent: `make(make(x)) == make(x)`.
    public static func make(_ text: String) -> String {
        makeASCII(text) ?? makeUnicode(text)
    }

    /// `make` for any text, through Foundation's folding and Unicode's properties.
    static func makeUnicode(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var slug = String.UnicodeScalarView()
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            guard isLetterOrDigit(scalar) else {
                pendingHyphen = true
                continue
            }
            if pendingHyphen, !slug.isEmpty { slug.append("-") }
            pendingHyphen = false
            // A lower-case mapping may add combining marks (İ → i̇); only letters and digits stay.
            slug.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars.filter(isLetterOrDigit))
        }
        return String(slug)
    }

    /// `make` for ASCII text (nearly every file name and tag), on bytes: folding and lower-casing ASCII
    /// is lower-casing A–Z, and its only letters and digits are a–z, A–Z and 0–9. Nil for other text.
    static func makeASCII(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var slug: [UInt8] = []
            slug.reserveCapacity(bytes.count)
            var pendingHyphen = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let lower = byte &- 0x41 < 26 ? byte | 0x20 : byte
                guard lower &- 0x61 < 26 || lower &- 0x30 < 10 else {
                    pendingHyphen = true
                    continue
                }
                if pendingHyphen, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                slug.append(lower)
            }
            return String(decoding: slug, as: UTF8.self)
        }
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
