/// The Snowball English (Porter2) stemmer (https://snowballstem.org/algorithms/english/stemmer.html),
/// as Snowball 3 defines it: it gives the same stems as `snowballstemmer.stemmer('english')` in Python.
///
/// It reduces inflected and derived forms to a common stem so that search can match them
/// ("generously" → "generous", "hopping" → "hop", "cries" → "cri"); a stem need not be a word.
public struct EnglishStemmer: Sendable {
    public init() {}

    /// The stem of a lowercase word. Words with any byte outside a-z and ' are returned unchanged (digits, other scripts).
    public func stem(_ word: String) -> String {
        if word.utf8.count <= Self.longestException, let special = Self.exceptions[word] { return special }
        var word = word
        return word.withUTF8(Self.stem(utf8:)) ?? word
    }

    /// The stem of a word other than the exceptions, or nil when the word is to stay as it is.
    private static func stem(utf8: UnsafeBufferPointer<UInt8>) -> String? {
        guard utf8.count > 2, utf8.allSatisfy({ Word.isLetter($0) || $0 == UInt8(ascii: "'") }) else { return nil }
        // Stems are built in the result's own storage: no buffer besides the returned string.
        return String(unsafeUninitializedCapacity: utf8.count + 1) { storage in
            var word = Word(in: storage, copying: utf8)
            word.stem()
            return word.count
        }
    }

    /// Whole words with a fixed stem, checked before anything else.
    private static let exceptions: [String: String] = [
        "skis": "ski", "skies": "sky", "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli",
        "only": "onli", "singly": "singl",
        "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias",
        "andes": "andes",
    ]
    private static let longestException = 6

    /// Prefixes that make up R1 on their own (instead of the usual vowel-consonant rule).
    fileprivate static let regionPrefixes: [StaticString] = [
        "arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers",
    ]
    /// Stems before "eed" that keep it: succeed, proceed, exceed.
    fileprivate static let keepEED: [StaticString] = ["succ", "proc", "exc"]
    /// Stems before "ing" that keep it: evening, canning, inning, earring, herring, outing.
    fileprivate static let keepING: [StaticString] = ["even", "cann", "inn", "earr", "herr", "out"]

    fileprivate static let step2 = SuffixRules([
        Rule("tional", "tion"), Rule("enci", "ence"), Rule("anci", "ance"), Rule("abli", "able"),
        Rule("entli", "ent"), Rule("izer", "ize"), Rule("ization", "ize"), Rule("ational", "ate"),
        Rule("ation", "ate"), Rule("ator", "ate"), Rule("alism", "al"), Rule("aliti", "al"), Rule("alli", "al"),
        Rule("fulness", "ful"), Rule("fulli", "ful"), Rule("ousli", "ous"), Rule("ousness", "ous"),
        Rule("iveness", "ive"), Rule("iviti", "ive"), Rule("biliti", "ble"), Rule("bli", "ble"),
        Rule("ogist", "og"), Rule("lessli", "less"), Rule("ogi", "og", when: .afterL),
        Rule("li", "", when: .afterValidLI),
    ])
    fileprivate static let step3 = SuffixRules([
        Rule("tional", "tion"), Rule("ational", "ate"), Rule("alize", "al"), Rule("icate", "ic"),
        Rule("iciti", "ic"), Rule("ical", "ic"), Rule("ful", ""), Rule("ness", ""), Rule("ative", "", when: .inR2),
    ])
    fileprivate static let step4 = SuffixRules(
        ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous",
         "ive", "ize"].map { Rule($0, "") } + [Rule("ion", "", when: .afterSOrT)]
    )
}

extension EnglishStemmer {
    /// What a rule needs besides its suffix lying in the step's region.
    fileprivate enum Condition {
        case none, afterL, afterValidLI, afterSOrT, inR2
    }

    /// Replace `suffix` by `replacement` when `condition` holds.
    fileprivate struct Rule: Sendable {
        let suffix: StaticString
        let replacement: StaticString
        let condition: Condition

        init(_ suffix: StaticString, _ replacement: StaticString, when condition: Condition = .none) {
            self.suffix = suffix
            self.replacement = replacement
            self.condition = condition
        }
    }

    /// A step's rules, grouped by the suffix's last letter, longest suffix first: a step applies only
    /// the longest suffix that matches, even when its conditions then fail.
    fileprivate struct SuffixRules: Sendable {
        private let byLastLetter: [[Rule]]

        init(_ rules: [Rule]) {
            var groups = [[Rule]](repeating: [], count: 26)
            for rule in rules.sorted(by: { $0.suffix.utf8CodeUnitCount > $1.suffix.utf8CodeUnitCount }) {
                let last = rule.suffix.withUTF8Buffer { $0.last! }
                groups[Int(last - UInt8(ascii: "a"))].append(rule)
            }
            byLastLetter = groups
        }

        func longestMatch(in word: Word) -> Rule? {
            guard let last = word.last, Word.isLetter(last) else { return nil }
            return byLastLetter[Int(last - UInt8(ascii: "a"))].first { word.hasSuffix($0.suffix) }
        }
    }
}

extension EnglishStemmer {
    /// A word being stemmed: ASCII bytes in caller-owned storage, edited in place at its end.
    /// While stemming, a `y` that acts as a consonant is written `Y`.
    fileprivate struct Word {
        private let bytes: UnsafeMutableBufferPointer<UInt8>
        private(set) var count = 0
        /// Where the regions R1 and R2 start; a suffix is "in R1" when it starts at or after `r1`.
        private var r1 = 0
        private var r2 = 0
        private var hasConsonantY = false

        init(in storage: UnsafeMutableBufferPointer<UInt8>, copying word: UnsafeBufferPointer<UInt8>) {
            bytes = storage
            // The algorithm ignores one leading apostrophe.
            let source = word.dropFirst(word.first == UInt8(ascii: "'") ? 1 : 0)
            count = UnsafeMutableBufferPointer(rebasing: storage[..<source.count]).initialize(from: source).1
        }

        mutating func stem() {
            markConsonantY()
            markRegions()
            step1a()
            step1b()
            step1c()
            apply(EnglishStemmer.step2, from: r1)
            apply(EnglishStemmer.step3, from: r1)
            apply(EnglishStemmer.step4, from: r2)
            step5()
            if hasConsonantY {
                for i in 0..<count where bytes[i] == UInt8(ascii: "Y") { bytes[i] = UInt8(ascii: "y") }
            }
        }

        var last: UInt8? { count > 0 ? bytes[count - 1] : nil }

        // MARK: Prelude and regions

        /// An initial y, and a y after a vowel, is a consonant.
        private mutating func markConsonantY() {
            for i in 0..<count where bytes[i] == UInt8(ascii: "y") && (i == 0 || Self.isVowel(bytes[i - 1])) {
                bytes[i] = UInt8(ascii: "Y")
                hasConsonantY = true
            }
        }

        private mutating func markRegions() {
            if let prefix = EnglishStemmer.regionPrefixes.first(where: { wordStart(upTo: $0.utf8CodeUnitCount, is: $0) }) {
                r1 = prefix.utf8CodeUnitCount
            } else {
                r1 = endOfVowelConsonant(from: 0)
            }
            r2 = endOfVowelConsonant(from: r1)
        }

        /// Just past the first non-vowel that follows a vowel at or after `start`; `count` when there is none.
        private func endOfVowelConsonant(from start: Int) -> Int {
            var i = start
            while i < count && !Self.isVowel(bytes[i]) { i += 1 }
            while i < count && Self.isVowel(bytes[i]) { i += 1 }
            return min(i + 1, count)
        }

        // MARK: Steps

        /// Possessives and plurals.
        private mutating func step1a() {
            if hasSuffix("'s'") {
                count -= 3
            } else if hasSuffix("'s") {
                count -= 2
            } else if hasSuffix("'") {
                count -= 1
            }
            if hasSuffix("sses") {
                count -= 2
            } else if hasSuffix("ied") || hasSuffix("ies") {
                replace(from: count - 3, with: count > 4 ? "i" : "ie")
            } else if hasSuffix("s") && !hasSuffix("ss") && !hasSuffix("us") && hasVowel(before: count - 2) {
                count -= 1
            }
        }

        /// -ed, -ing and their -ly forms.
        private mutating func step1b() {
            if hasSuffix("eed") || hasSuffix("eedly") {
                let start = count - (hasSuffix("eed") ? 3 : 5)
                if start >= r1 && !EnglishStemmer.keepEED.contains(where: { wordStart(upTo: start, is: $0) }) {
                    replace(from: start, with: "ee")
                }
                return
            }
            let isING = hasSuffix("ing")
            let length = hasSuffix("ingly") ? 5 : hasSuffix("edly") ? 4 : isING ? 3 : hasSuffix("ed") ? 2 : 0
            guard length > 0 else { return }
            let start = count - length
            if isING {
                if EnglishStemmer.keepING.contains(where: { wordStart(upTo: start, is: $0) }) { return }
                // dying, lying, tying: a single consonant before "ying".
                if start == 2 && bytes[1] == UInt8(ascii: "y") && !Self.isVowel(bytes[0]) {
                    replace(from: 1, with: "ie")
                    return
                }
            }
            guard hasVowel(before: start) else { return }
            count = start
            if hasSuffix("at") || hasSuffix("bl") || hasSuffix("iz") {
                append("e")
            } else if endsWithDoubleConsonant() {
                // add, egg, off and the like keep both letters.
                let isThreeLetterWord = count == 3 && Self.byte(bytes[0], isIn: "aeo")
                if !isThreeLetterWord { count -= 1 }
            } else if count == r1 && endsWithShortSyllable(at: count) {
                append("e")
            }
        }

        /// A final y after a consonant (not the first letter) becomes i.
        private mutating func step1c() {
            guard count >= 3, bytes[count - 1] == UInt8(ascii: "y") || bytes[count - 1] == UInt8(ascii: "Y"),
                !Self.isVowel(bytes[count - 2])
            else { return }
            bytes[count - 1] = UInt8(ascii: "i")
        }

        private mutating func apply(_ rules: SuffixRules, from region: Int) {
            guard let rule = rules.longestMatch(in: self) else { return }
            let start = count - rule.suffix.utf8CodeUnitCount
            guard start >= region, holds(rule.condition, before: start) else { return }
            replace(from: start, with: rule.replacement)
        }

        private func holds(_ condition: Condition, before start: Int) -> Bool {
            let previous = start > 0 ? bytes[start - 1] : 0
            return switch condition {
            case .none: true
            case .afterL: previous == UInt8(ascii: "l")
            case .afterValidLI: Self.byte(previous, isIn: "cdeghkmnrt")
            case .afterSOrT: previous == UInt8(ascii: "s") || previous == UInt8(ascii: "t")
            case .inR2: start >= r2
            }
        }

        /// A final e (in R2, or in R1 after a long syllable) or the second l of a final ll in R2 goes.
        private mutating func step5() {
            guard let last else { return }
            let start = count - 1
            if last == UInt8(ascii: "e") {
                if start >= r2 || (start >= r1 && !endsWithShortSyllable(at: start)) { count = start }
            } else if last == UInt8(ascii: "l") {
                if start >= r2 && start > 0 && bytes[start - 1] == UInt8(ascii: "l") { count = start }
            }
        }

        // MARK: Letters

        static func isLetter(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        }

        private static func isVowel(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "a") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "i")
                || byte == UInt8(ascii: "o") || byte == UInt8(ascii: "u") || byte == UInt8(ascii: "y")
        }

        private static func byte(_ byte: UInt8, isIn letters: StaticString) -> Bool {
            letters.withUTF8Buffer { $0.contains(byte) }
        }

        /// A short syllable ends at `end`: non-vowel, vowel, then a non-vowel other than w, x or Y;
        /// or a vowel then a non-vowel as the whole word; or it ends in "past".
        private func endsWithShortSyllable(at end: Int) -> Bool {
            if end >= 3 && !Self.byte(bytes[end - 1], isIn: "aeiouywxY") && Self.isVowel(bytes[end - 2])
                && !Self.isVowel(bytes[end - 3]) {
                return true
            }
            if end == 2 && !Self.isVowel(bytes[1]) && Self.isVowel(bytes[0]) { return true }
            return end >= 4 && spells("past", endingAt: end)
        }

        private func endsWithDoubleConsonant() -> Bool {
            count >= 2 && bytes[count - 1] == bytes[count - 2] && Self.byte(bytes[count - 1], isIn: "bdfgmnprt")
        }

        private func hasVowel(before end: Int) -> Bool {
            var i = 0
            while i < end {
                if Self.isVowel(bytes[i]) { return true }
                i += 1
            }
            return false
        }

        // MARK: Byte editing

        func hasSuffix(_ suffix: StaticString) -> Bool {
            spells(suffix, endingAt: count)
        }

        /// Whether the first `end` bytes are exactly `text`.
        private func wordStart(upTo end: Int, is text: StaticString) -> Bool {
            end == text.utf8CodeUnitCount && spells(text, endingAt: end)
        }

        /// Whether the bytes just before `end` spell `text`.
        private func spells(_ text: StaticString, endingAt end: Int) -> Bool {
            text.withUTF8Buffer { text in
                guard end <= count, text.count <= end else { return false }
                let start = end - text.count
                for i in text.indices where bytes[start + i] != text[i] { return false }
                return true
            }
        }

        private mutating func replace(from start: Int, with text: StaticString) {
            count = start
            append(text)
        }

        private mutating func append(_ text: StaticString) {
            text.withUTF8Buffer { text in
                precondition(count + text.count <= bytes.count, "stem longer than its buffer")
                for byte in text {
                    bytes[count] = byte
                    count += 1
                }
            }
        }
    }
}
