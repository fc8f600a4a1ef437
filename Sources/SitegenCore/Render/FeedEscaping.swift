import SitegenText
#if arch(x86_64)
import CByteClasses
#endif

/// What the Atom and RSS entries make of an article's HTML, in one pass: the decision helper's script tag
/// dropped, root-relative `href`, `src` and `data-src` values made absolute, and everything escaped for XML
/// (the five special characters escaped, the characters XML 1.0 forbids dropped).
///
/// It gives exactly what `TextReplacement.escapingXML(after: pairs(origin:droppedTag:))` gives, and is
/// tested against it. That general replacement returns to its caller at every match, and an article's HTML
/// has one every few bytes (each tag has `<`, `>` and quotes); here the runs of bytes that need nothing are
/// found sixteen at a time (`sitegen_xml_plain_length` on x86-64) and copied whole, and each byte that
/// does is written in the same loop. An attribute is recognised at its opening quote, which is escaped
/// anyway, by the bytes before it: spaces, which are everywhere, then need no stop.
struct FeedEscaping: Sendable {
    /// The replacements made before XML escaping, in the order they are tried at one position.
    static func pairs(origin: String, droppedTag: String) -> [(target: String, replacement: String)] {
        [(droppedTag, "")]
            + attributes.map { (" \($0)=\"//", " \($0)=\"//") }
            + attributes.map { (" \($0)=\"/", " \($0)=\"\(origin)/") }
    }

    /// The attributes whose root-relative values become absolute. No two start with the same letter, so at
    /// most one of them matches at a position.
    private static let attributes = ["href", "src", "data-src"]
    private static let slashes = Array("//".utf8)

    /// What a byte takes.
    private enum Kind: UInt8 {
        /// Copied as it is.
        case plain
        /// `&`, `>`, `"` or `'`: replaced by its entity (`xmlEscaped`'s).
        case entity
        /// `<`: the dropped tag, or `&lt;`.
        case open
        /// A control character XML forbids (`xmlEscaped` drops it): dropped.
        case forbidden
        /// The first byte of U+FFFE and U+FFFF (which XML forbids), and of other characters.
        case special
    }

    private let kinds: [Kind]
    /// Per byte of kind `entity` (and `<`): its entity's bytes, the first lowest, with its length in the top byte.
    private let entities: [UInt64]
    private let droppedTag: [UInt8]
    /// Per attribute: what comes before its opening quote, ` href=`.
    private let openings: [[UInt8]]
    /// The origin escaped for XML, then `/`.
    private let absolutePrefix: [UInt8]

    /// `droppedTag` starts with `<`.
    init(origin: String, droppedTag: String) {
        precondition(droppedTag.hasPrefix("<"), "the dropped tag is found at a `<`")
        var kinds = [Kind](repeating: .plain, count: 256), entities = [UInt64](repeating: 0, count: 256)
        // What XML escaping does to each ASCII character, asked of `xmlEscaped` itself: dropped, or an entity.
        for byte in 0..<0x80 {
            let escaped = String(UnicodeScalar(UInt8(byte))).xmlEscaped.utf8
            if escaped.isEmpty {
                kinds[byte] = .forbidden
            } else if escaped.count > 1 {
                precondition(escaped.count <= 7, "an entity fits in a word beside its length")
                kinds[byte] = .entity
                entities[byte] = escaped.reversed().reduce(0) { $0 << 8 | UInt64($1) } | UInt64(escaped.count) << 56
            }
        }
        kinds[Int(UInt8(ascii: "<"))] = .open
        kinds[0xEF] = .special
        precondition(kinds[Int(UInt8(ascii: "\""))] == .entity, "an attribute is found at its escaped opening quote")
        self.kinds = kinds
        self.entities = entities
        self.droppedTag = Array(droppedTag.utf8)
        openings = Self.attributes.map { Array(" \($0)=".utf8) }
        absolutePrefix = Array((origin.xmlEscaped + "/").utf8)
    }

    /// `html` with the tag dropped, the attributes made absolute and everything escaped for XML.
    func escaped(_ html: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        // Each byte gives at most an entity of six bytes, and each attribute's quote (one in six bytes or
        // fewer: ` src="`) the origin too; eight bytes of slack, since an entity is stored as a whole word.
        let bound = html.count * 6 + (html.count / 6 + 1) * absolutePrefix.count + 8
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bound) { out in
            kinds.withUnsafeBufferPointer { kinds in
                entities.withUnsafeBufferPointer { entities in
                    Array(out[..<write(html, into: out, kinds: kinds, entities: entities)])
                }
            }
        }
    }

    /// Writes `html` escaped into `out`; how many bytes it wrote.
    private func write(
        _ html: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
        kinds: UnsafeBufferPointer<Kind>, entities: UnsafeBufferPointer<UInt64>
    ) -> Int {
        guard let base = html.baseAddress else { return 0 }
        let raw = UnsafeMutableRawPointer(out.baseAddress!)
        // `dropped`: where the last dropped tag ended; an attribute's name must come after it, as it must
        // in the input the general replacement matches.
        var at = 0, index = 0, dropped = 0
        while true {
            let run = plainLength(base + index, html.count - index, kinds: kinds)
            (raw + at).copyMemory(from: base + index, byteCount: run)
            at += run
            index += run
            guard index < html.count else { return at }
            let byte = html[index]
            switch kinds[Int(byte)] {
            case .plain:
                out[at] = byte
                at += 1
                index += 1
                continue
            case .entity:
                break
            case .forbidden:
                index += 1
                continue
            case .open:
                if html.hasPrefix(droppedTag, at: index) {
                    index += droppedTag.count
                    dropped = index
                    continue
                }
            case .special:
                // U+FFFE is EF BF BE and U+FFFF is EF BF BF.
                if index + 2 < html.count, html[index + 1] == 0xBF, html[index + 2] & 0xFE == 0xBE {
                    index += 3
                } else {
                    out[at] = byte
                    at += 1
                    index += 1
                }
                continue
            }
            let entity = entities[Int(byte)]
            raw.storeBytes(of: entity.littleEndian, toByteOffset: at, as: UInt64.self)
            at += Int(entity >> 56)
            index += 1
            if byte == UInt8(ascii: "\""), let (taken, prefix) = rootRelative(in: html, quote: index - 1, after: dropped) {
                for byte in prefix {
                    out[at] = byte
                    at += 1
                }
                index += taken
            }
        }
    }

    /// How many of the `count` bytes at `start` need nothing but copying (a few more may, which `write`
    /// copies one by one).
    @inline(__always)
    private func plainLength(_ start: UnsafePointer<UInt8>, _ count: Int, kinds: UnsafeBufferPointer<Kind>) -> Int {
        #if arch(x86_64)
        sitegen_xml_plain_length(start, count)
        #else
        var length = 0
        while length < count, kinds[Int(start[length])] == .plain { length += 1 }
        return length
        #endif
    }

    /// At the quote at `quote`: when an attribute's name is before it (and after `floor`) and a root-relative
    /// value after it, how many bytes after the quote it takes and what to write for them: `//` as it is for
    /// a protocol-relative URL, the origin then `/` for `/`. Nil when there is no such attribute.
    private func rootRelative(in html: UnsafeBufferPointer<UInt8>, quote: Int, after floor: Int) -> (taken: Int, written: [UInt8])? {
        let slash = quote + 1
        guard slash < html.count, html[slash] == UInt8(ascii: "/") else { return nil }
        for opening in openings where quote - opening.count >= floor && html.hasPrefix(opening, at: quote - opening.count) {
            let protocolRelative = slash + 1 < html.count && html[slash + 1] == UInt8(ascii: "/")
            return protocolRelative ? (2, Self.slashes) : (1, absolutePrefix)
        }
        return nil
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether `prefix` is at `index`.
    fileprivate func hasPrefix(_ prefix: [UInt8], at index: Int) -> Bool {
        guard index + prefix.count <= count else { return false }
        for offset in prefix.indices where self[index + offset] != prefix[offset] { return false }
        return true
    }
}
