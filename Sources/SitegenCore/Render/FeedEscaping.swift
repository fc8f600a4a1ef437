import SitegenText

/// What the Atom and RSS entries make of an article's HTML, in one pass: the decision helper's script tag
/// dropped, root-relative `href`, `src` and `data-src` values made absolute, and everything escaped for XML
/// (the five special characters escaped, the characters XML 1.0 forbids dropped).
///
/// It gives exactly what `TextReplacement.escapingXML(after: pairs(origin:droppedTag:))` gives, and is
/// tested against it. That general replacement returns to its caller at every match, and an article's HTML
/// has one every few bytes (each tag has `<`, `>` and quotes); here a byte that needs nothing costs one
/// table look-up, and one that does is written in the same loop.
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
        /// A space: an attribute made absolute, or copied.
        case space
        /// The first byte of U+FFFE and U+FFFF (which XML forbids), and of other characters.
        case special
    }

    private let kinds: [Kind]
    /// Per byte of kind `entity` (and `<`): its entity's bytes, the first lowest, with its length in the top byte.
    private let entities: [UInt64]
    private let droppedTag: [UInt8]
    /// Per attribute: ` href="` as written, and ` href=&quot;` as escaped.
    private let openings: [(written: [UInt8], escaped: [UInt8])]
    /// The origin escaped for XML, then `/`.
    private let absolutePrefix: [UInt8]
    /// The most an attribute's opening and value prefix write.
    private let longestAttribute: Int

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
        kinds[Int(UInt8(ascii: " "))] = .space
        kinds[0xEF] = .special
        self.kinds = kinds
        self.entities = entities
        self.droppedTag = Array(droppedTag.utf8)
        openings = Self.attributes.map { name in (Array(" \(name)=\"".utf8), Array(" \(name)=\"".xmlEscaped.utf8)) }
        absolutePrefix = Array((origin.xmlEscaped + "/").utf8)
        longestAttribute = openings.map(\.escaped.count).max()! + max(absolutePrefix.count, Self.slashes.count)
    }

    /// `html` with the tag dropped, the attributes made absolute and everything escaped for XML.
    func escaped(_ html: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        // Each byte gives at most an entity of six bytes, and each attribute of seven or more its escaped
        // opening and the origin; eight bytes of slack, since an entity is stored as a whole word.
        let bound = html.count * 6 + (html.count / 7 + 1) * longestAttribute + 8
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bound) { out in
            kinds.withUnsafeBufferPointer { kinds in
                entities.withUnsafeBufferPointer { entities in
                    Array(out[..<write(html, into: out, kinds: kinds, entities: entities)])
                }
            }
        }
    }

    /// Writes `html` escaped into `out`; how many bytes it wrote. Plain bytes, nearly all, are copied one
    /// at a time in this loop: the runs between replacements are too short for a call to copy them.
    private func write(
        _ html: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
        kinds: UnsafeBufferPointer<Kind>, entities: UnsafeBufferPointer<UInt64>
    ) -> Int {
        let raw = UnsafeMutableRawPointer(out.baseAddress!)
        var at = 0, index = 0
        while index < html.count {
            let byte = html[index], kind = kinds[Int(byte)]
            // Tested before the switch: a jump through its table for every byte costs more than the copy.
            if kind == .plain {
                out[at] = byte
                at &+= 1
                index &+= 1
                continue
            }
            switch kind {
            case .plain, .entity:
                break
            case .forbidden:
                index += 1
                continue
            case .open:
                if html.hasPrefix(droppedTag, at: index) {
                    index += droppedTag.count
                    continue
                }
            case .space:
                if let (length, written) = attribute(in: html, at: index, into: out, at: at) {
                    index += length
                    at += written
                } else {
                    out[at] = byte
                    at += 1
                    index += 1
                }
                continue
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
        }
        return at
    }

    /// At a space: when an attribute with a root-relative value starts there, how many bytes of `html` it
    /// takes and how many it wrote into `out` at `at`; nil when none does.
    private func attribute(
        in html: UnsafeBufferPointer<UInt8>, at index: Int, into out: UnsafeMutableBufferPointer<UInt8>, at start: Int
    ) -> (taken: Int, written: Int)? {
        for opening in openings where html.hasPrefix(opening.written, at: index) {
            let slash = index + opening.written.count
            guard slash < html.count, html[slash] == UInt8(ascii: "/") else { return nil }
            // `//`: a protocol-relative URL, left as it is; `/`: the site's origin goes before it.
            let protocolRelative = slash + 1 < html.count && html[slash + 1] == UInt8(ascii: "/")
            var at = start
            func put(_ bytes: [UInt8]) {
                for byte in bytes {
                    out[at] = byte
                    at += 1
                }
            }
            put(opening.escaped)
            put(protocolRelative ? Self.slashes : absolutePrefix)
            return (opening.written.count + (protocolRelative ? 2 : 1), at - start)
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
