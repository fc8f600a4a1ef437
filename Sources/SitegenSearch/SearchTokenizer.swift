import Foundation

/// Splits text into search terms the way the search page's script does, so that what a reader types finds
/// what the build indexed.
///
/// A word is a run of letters, digits and combining marks; an apostrophe (`'` or `’`) between two such
/// characters joins them (`don't` is one word). Each word is normalised: compatibility decomposition (NFKD),
/// combining marks dropped (`café` → `cafe`), lower-cased, final sigma as sigma, apostrophes dropped. Words longer than
/// `maximumLength` scalars after that (hashes, base64) are skipped. The script's twin is `words()` in
/// `templates/assets/search-engine.js`; `Tests/SitegenSearchTests/Fixtures/terms.tsv` holds both to the same cases.
public struct SearchTokenizer: Sendable {
    /// Longer normalised words are not terms.
    public static let maximumLength = 48

    public init() {}

    /// Every term of `text`, in order, repeats included.
    public func terms(in text: String) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text) { terms.append($0) }
        return terms
    }

    /// Calls `body` with every term of `text`, in order.
    public func forEachTerm(in text: String, _ body: (String) -> Void) {
        forEachRawTerm(in: text) { term in
            switch term {
            case .short(let packed): body(String(decoding: ShortWordTable.bytes(of: packed), as: UTF8.self))
            case .ascii(let bytes): body(String(decoding: bytes.lazy.map { $0 | 0x20 }, as: UTF8.self))
            case .nonASCII(let bytes): if let term = Self.normalise(String(decoding: bytes, as: UTF8.self)) { body(term) }
            }
        }
    }

    /// A term as `forEachRawTerm` hands it out.
    enum RawTerm {
        /// One to eight ASCII letters and digits, lower-cased and packed (`ShortWordTable.pack`): most words.
        case short(UInt64)
        /// More ASCII letters and digits, as written, valid only during the call. The term is each byte
        /// `| 0x20`, which lower-cases a letter and keeps a digit.
        case ascii(UnsafeBufferPointer<UInt8>)
        /// A word with other scalars, as UTF-8 valid only during the call, still to be put through
        /// `normalise` (a counter does that once per distinct word): its ASCII letters lower-cased up to its
        /// first other scalar, the rest as written.
        case nonASCII(UnsafeBufferPointer<UInt8>)
    }

    /// A non-ASCII word as the script normalises it: NFKD, marks dropped, lower-cased, apostrophes dropped;
    /// nil when nothing is left or it is too long. JavaScript lower-cases a word-final Σ to ς and Swift does
    /// not, so both then fold ς to σ.
    static func normalise(_ word: String) -> String? {
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: word.decomposedStringWithCompatibilityMapping.unicodeScalars.lazy.filter { !isMark($0) })
        var lowered = String.UnicodeScalarView()
        for scalar in String(kept).lowercased().unicodeScalars where scalar != "'" && scalar != "\u{2019}" {
            lowered.append(scalar == "\u{03C2}" ? "\u{03C3}" : scalar)
        }
        return lowered.isEmpty || lowered.count > maximumLength ? nil : String(lowered)
    }

    /// `forEachTerm` for callers that count terms: ASCII terms come packed or as bytes.
    ///
    /// Most words are ASCII letters and digits between ASCII separators: those are scanned eight bytes at a
    /// time (`ASCIIRun`) and handed out with no String made or byte copied. Any other word (with an
    /// apostrophe or a non-ASCII scalar in it or right after it) is read again from its start, scalar by
    /// scalar, by `readWord`.
    func forEachRawTerm(in text: String, _ body: (RawTerm) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var word = WordBuffer()
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    // Between words every ASCII byte that is not a letter or digit is passed, an apostrophe too.
                    guard ASCIIRun.isWordByte(byte) else {
                        index += 1
                        continue
                    }
                    let (end, packed) = ASCIIRun.scan(bytes, from: index)
                    if end == bytes.count || (bytes[end] < 0x80 && bytes[end] != 0x27) {
                        let length = end - index
                        if length <= 8 {
                            body(.short(packed))
                        } else if length <= Self.maximumLength {
                            body(.ascii(UnsafeBufferPointer(rebasing: bytes[index..<end])))
                        }
                        index = end
                        continue
                    }
                }
                index = Self.readWord(bytes, from: index, into: &word, body)
            }
        }
    }

    /// Reads the word at `start` scalar by scalar up to and including the scalar that ends it, hands it out,
    /// and returns the index past that; at a lone non-word scalar, only passes it. `word` is empty before
    /// and after.
    private static func readWord(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into word: inout WordBuffer, _ body: (RawTerm) -> Void
    ) -> Int {
        var index = start
        var pendingApostrophe = false
        while index < bytes.count {
            let byte = bytes[index]
            let scalar: Unicode.Scalar, isWord: Bool
            if byte < 0x80 {
                index += 1
                if ASCIIRun.isWordByte(byte) {
                    pendingApostrophe = false
                    word.append(ascii: byte)
                    continue
                }
                scalar = Unicode.Scalar(byte)
                isWord = false
            } else {
                scalar = decode(bytes, at: &index)
                isWord = isWordScalar(scalar)
            }
            if isWord {
                pendingApostrophe = false
                word.append(scalar)
            } else if !word.isEmpty && !pendingApostrophe && (scalar == "'" || scalar == "\u{2019}") {
                pendingApostrophe = true
            } else {
                break
            }
        }
        word.finish(body)
        return index
    }

    /// The scalar whose UTF-8 starts at `index` (valid UTF-8: it comes from a String); moves past it.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Unicode.Scalar {
        let lead = UInt32(bytes[index])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        index += length
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}

/// The word being read, as UTF-8: ASCII letters and digits lower-cased until its first other scalar, the
/// rest as written (so that a counter can tell words apart without making a String of each).
private struct WordBuffer {
    private var bytes: [UInt8] = []
    private var isASCII = true

    var isEmpty: Bool { bytes.isEmpty }

    /// An ASCII letter or digit.
    mutating func append(ascii byte: UInt8) {
        bytes.append(isASCII && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
    }

    mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.isASCII { return append(ascii: UInt8(scalar.value)) }
        isASCII = false
        UTF8.encode(scalar) { bytes.append($0) }
    }

    /// Hands out the word unless it is empty or (all ASCII) too long; starts a new word.
    mutating func finish(_ body: (SearchTokenizer.RawTerm) -> Void) {
        if isASCII {
            if !bytes.isEmpty && bytes.count <= SearchTokenizer.maximumLength {
                bytes.withUnsafeBufferPointer { body($0.count <= 8 ? .short(ShortWordTable.pack($0)) : .ascii($0)) }
            }
        } else {
            bytes.withUnsafeBufferPointer { body(.nonASCII($0)) }
        }
        bytes.removeAll(keepingCapacity: true)
        isASCII = true
    }
}
