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
        var terms = TermStrings()
        forEachRawTerm(in: text, into: &terms)
        return terms.terms
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

    /// Hands every term of `text` to `sink`, in order: ASCII terms packed or as bytes, other words still
    /// to be normalised, as `RawTerm` describes.
    @inline(__always)
    func forEachRawTerm<Sink: RawTermSink>(in text: String, into sink: inout Sink) {
        var text = text
        text.withUTF8 { forEachRawTerm(in: $0, into: &sink) }
    }

    /// `forEachRawTerm(in:into:)` of UTF-8 text (valid: it comes from a String or cmark-gfm).
    ///
    /// Most words are ASCII letters and digits between ASCII separators: those are found 64 bytes at a time
    /// (`ByteBlock`) and handed out with no String made or byte copied. Any other word (with an apostrophe
    /// or a non-ASCII scalar in it or right after it) is read again from its start, scalar by scalar, by
    /// `readWord`.
    @inline(__always)
    func forEachRawTerm<Sink: RawTermSink>(in bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        var word = WordBuffer()
        var index = 0
        while index < bytes.count { index = Self.scanBlock(bytes, from: index, word: &word, into: &sink) }
    }

    /// Hands out the words of the block at `start` up to the first that may go on past the block or needs
    /// `readWord`; returns where the next block starts.
    @inline(__always)
    private static func scanBlock<Sink: RawTermSink>(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, word: inout WordBuffer, into sink: inout Sink
    ) -> Int {
        let block = ByteBlock(bytes, from: start)
        var position = 0
        while position < block.count {
            let ahead = ~UInt64(0) << UInt64(position)
            // 64 when there is none.
            let first = (block.words & ahead).trailingZeroBitCount, other = (block.special & ahead).trailingZeroBitCount
            // A non-ASCII scalar before the next ASCII word may start a word of its own (`readWord` passes an
            // apostrophe there, as it passes any scalar that starts no word).
            if other < first { return readWord(bytes, from: start + other, into: &word, &sink) }
            if first == 64 { break }
            let end = first + (~(block.words >> UInt64(first))).trailingZeroBitCount
            if end == 64 { return first > 0 ? start + first : longWord(bytes, from: start, into: &word, &sink) }
            if end < block.count && block.special >> UInt64(end) & 1 != 0 {
                return readWord(bytes, from: start + first, into: &word, &sink)
            }
            let length = end - first
            if length <= 8 {
                sink.take(.short(packed(bytes, from: start + first, length: length)))
            } else if length <= maximumLength {
                sink.take(.ascii(UnsafeBufferPointer(rebasing: bytes[(start + first)..<(start + end)])))
            }
            // The byte at `end` is an ASCII separator other than an apostrophe, or the text ends there.
            position = end + 1
        }
        return start + block.count
    }

    /// The ASCII word of `length` (1 to 8) letters and digits at `start`, lower-cased and packed.
    @inline(__always)
    private static func packed(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, length: Int) -> UInt64 {
        guard start + 8 <= bytes.count else { return ShortWordTable.pack(UnsafeBufferPointer(rebasing: bytes[start..<(start + length)])) }
        let group = UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: start, as: UInt64.self)
        return ByteBlock.packed(UInt64(littleEndian: group), length: length)
    }

    /// A run of ASCII letters and digits at `start` that fills a whole block: longer than any term, so
    /// passed unless a non-ASCII scalar or apostrophe carries the word on and `readWord` decides.
    private static func longWord<Sink: RawTermSink>(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into word: inout WordBuffer, _ sink: inout Sink
    ) -> Int {
        var end = start
        while end < bytes.count, ByteBlock.isWordByte(bytes[end]) { end += 1 }
        guard end < bytes.count, bytes[end] >= 0x80 || bytes[end] == 0x27 else { return end }
        return readWord(bytes, from: start, into: &word, &sink)
    }

    /// Reads the word at `start` scalar by scalar up to and including the scalar that ends it, hands it out,
    /// and returns the index past that; at a lone non-word scalar, only passes it. `word` is empty before
    /// and after.
    private static func readWord<Sink: RawTermSink>(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into word: inout WordBuffer, _ sink: inout Sink
    ) -> Int {
        var index = start
        var pendingApostrophe = false
        while index < bytes.count {
            let byte = bytes[index]
            let scalar: Unicode.Scalar, isWord: Bool
            if byte < 0x80 {
                index += 1
                if ByteBlock.isWordByte(byte) {
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
        word.finish(into: &sink)
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
        let value = scalar.value
        if scalar.isASCII { return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value) }
        // Looking up the general category is slow; the accented Latin letters and the dashes and quotes of
        // General Punctuation, the common cases in Western text, are known without it.
        if (0xC0...0xFF).contains(value) { return value != 0xD7 && value != 0xF7 }
        if (0x2000...0x206F).contains(value) { return false }
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

/// What `SearchTokenizer.forEachRawTerm` hands each term to. The tokenizer is generic over it, so that
/// handing a term over is inlined into the scanning loop rather than a call per word.
protocol RawTermSink {
    mutating func take(_ term: SearchTokenizer.RawTerm)
}

/// Terms as Strings, normalised: what `SearchTokenizer.terms(in:)` returns.
private struct TermStrings: RawTermSink {
    var terms: [String] = []

    mutating func take(_ term: SearchTokenizer.RawTerm) {
        switch term {
        case .short(let packed): terms.append(String(decoding: ShortWordTable.bytes(of: packed), as: UTF8.self))
        case .ascii(let bytes): terms.append(String(decoding: bytes.lazy.map { $0 | 0x20 }, as: UTF8.self))
        case .nonASCII(let bytes): if let term = SearchTokenizer.normalise(String(decoding: bytes, as: UTF8.self)) { terms.append(term) }
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
    mutating func finish<Sink: RawTermSink>(into sink: inout Sink) {
        if isASCII {
            if !bytes.isEmpty && bytes.count <= SearchTokenizer.maximumLength {
                bytes.withUnsafeBufferPointer { sink.take($0.count <= 8 ? .short(ShortWordTable.pack($0)) : .ascii($0)) }
            }
        } else {
            bytes.withUnsafeBufferPointer { sink.take(.nonASCII($0)) }
        }
        bytes.removeAll(keepingCapacity: true)
        isASCII = true
    }
}
