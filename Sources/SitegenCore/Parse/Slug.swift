import Foundation

/// URL slugs: lower-case letters and digits separated by single hyphens.
public enum Slug {
    /// `"Open Source"` → `"open-source"`, `"Café  AI!"` → `"cafe-ai"`. Idempotent: `make(make(x)) == make(x)`.
    public static func make(_ text: String) -> String {
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
