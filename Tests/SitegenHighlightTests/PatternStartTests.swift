import Testing
@testable import SitegenHighlight

@Suite("Where a pattern's matches may start")
struct PatternStartTests {
    static func start(_ pattern: String, caseInsensitive: Bool = false) -> StartSet {
        PatternStart.set(of: pattern, caseInsensitive: caseInsensitive)
    }

    static func ascii(_ characters: String, nonASCII: Bool = false) -> StartSet {
        StartSet(ascii: characters.utf8, nonASCII: nonASCII)
    }

    static let digits = "0123456789"
    static let word = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"

    @Test("literals, escapes, sets and shorthand classes")
    func characters() {
        #expect(Self.start("//[^\\n]*") == Self.ascii("/"))
        #expect(Self.start("\\$[0-9]+") == Self.ascii("$"))
        #expect(Self.start("[a-c_][a-z]*") == Self.ascii("abc_"))
        #expect(Self.start("[-+*/]") == Self.ascii("-+*/"))
        #expect(Self.start("[+-]") == Self.ascii("+-"))
        #expect(Self.start("[\\[\\]{}]") == Self.ascii("[]{}"))
        #expect(Self.start("\\d+") == Self.ascii(Self.digits, nonASCII: true))
        #expect(Self.start("\\w") == Self.ascii(Self.word, nonASCII: true))
        #expect(Self.start("\\s") == Self.ascii("\t\n\u{0B}\u{0C}\r ", nonASCII: true))
        #expect(Self.start("\\x41|\\u0042|\\x{43}|\\n|\\t|\\0") == Self.ascii("ABC\n\t\0"))
        #expect(Self.start("é") == StartSet(nonASCII: true))
        #expect(Self.start("[é-ü]") == StartSet(nonASCII: true))
        #expect(Self.start("[\\x00-\\x{10FFFF}]") == .anyUnit)
    }

    @Test("negations take the rest of ASCII and everything beyond it")
    func negations() {
        let notLower = Self.start("[^a-z]")
        #expect(notLower.nonASCII && !notLower.end)
        #expect(!notLower.contains(unit: 0x61) && !notLower.contains(unit: 0x7A) && notLower.contains(unit: 0x41))
        let notSpace = Self.start("\\S")
        #expect(notSpace.contains(unit: 0x0B) && notSpace.contains(unit: 0x41) && notSpace.nonASCII)
        #expect(!notSpace.contains(unit: 0x20) && !notSpace.contains(unit: 0x0A))
        #expect(Self.start("\\D") == Self.ascii(Self.digits).complementingUnits())
        #expect(Self.start("[^\\w]") == Self.ascii(Self.word).complementingUnits())
        #expect(Self.start("[^\\s]").contains(unit: 0x0B))
    }

    @Test("sequences: optional and zero-width pieces let the next one start")
    func sequences() {
        #expect(Self.start("(?:foo|bar)") == Self.ascii("fb"))
        #expect(Self.start("a?b") == Self.ascii("ab"))
        #expect(Self.start("a*b+c") == Self.ascii("ab"))
        #expect(Self.start("a{0,3}b") == Self.ascii("ab"))
        #expect(Self.start("a{2}b") == Self.ascii("a"))
        #expect(Self.start("a??b|c+?") == Self.ascii("abc"))
        #expect(Self.start("\\bif\\b") == Self.ascii("i"))
        #expect(Self.start("^#|$x") == Self.ascii("#x"))
        #expect(Self.start("\\A#!") == Self.ascii("#"))
        #expect(Self.start("(?<![a-z])(?<name>x)") == Self.ascii("x"))
        #expect(Self.start("(?!if)[a-z]") == Self.ascii("abcdefghijklmnopqrstuvwxyz"))
        #expect(Self.start("(?#note)q") == Self.ascii("q"))
    }

    @Test("a lookahead at the start narrows where an empty match may be")
    func lookahead() {
        #expect(Self.start("(?=@)") == Self.ascii("@"))
        #expect(Self.start("(?=\\n|</)") == Self.ascii("\n<"))
        #expect(Self.start("(?=x?)") == .any)
        #expect(Self.start("[a-z]*(?=\\()") == Self.ascii("abcdefghijklmnopqrstuvwxyz("))
    }

    @Test("patterns that may match nothing, or are not understood, may start anywhere")
    func anywhere() {
        for pattern in ["", "x*", "\\b", "(?:a|)", "(?!x)", "(a)\\1", "\\k<n>", "\\Qab\\E", "(?x) a", "[]a]", "a{,2}"] {
            #expect(Self.start(pattern) == .any, "\(pattern)")
        }
        for pattern in [".", "\\p{L}", "\\pL", "[[:alpha:]]", "[a-z&&[^x]]", "\\X", "\\R", "[\\p{L}_]"] {
            #expect(Self.start(pattern) == .anyUnit, "\(pattern)")
        }
    }

    @Test("ignoring case: both cases of letters, any unit beyond ASCII; inline flags scoped to their group")
    func cases() {
        #expect(Self.start("select", caseInsensitive: true) == Self.ascii("sS", nonASCII: true))
        #expect(Self.start("(?i)select") == Self.ascii("sS", nonASCII: true))
        #expect(Self.start("(?i:ab)|c") == Self.ascii("aAc", nonASCII: true))
        #expect(Self.start("(?:(?i)a)|b") == Self.ascii("aAb", nonASCII: true))
        #expect(Self.start("(?-i:x)", caseInsensitive: true) == Self.ascii("xX", nonASCII: true))
        #expect(Self.start("[a-c]", caseInsensitive: true) == Self.ascii("abcABC", nonASCII: true))
        #expect(Self.start("[^a]", caseInsensitive: true) == .anyUnit)
        #expect(Self.start("ſ", caseInsensitive: true) == .any)
        #expect(Self.start("1", caseInsensitive: true) == Self.ascii("1", nonASCII: true))
    }
}
