import Foundation
import PropertyBased
import SitegenText
import Testing

@Suite("Literal replacement and XML escaping")
struct TextReplacementTests {
    @Test("replaces every occurrence, first listed target wins at a position")
    func examples() {
        #expect("a<b>&c".xmlEscaped == "a&lt;b&gt;&amp;c")
        #expect("say \"hi\" it's".xmlEscaped == "say &quot;hi&quot; it&apos;s")
        #expect("x\u{1}y\u{FFFE}z\tok".xmlEscaped == "xyz\tok")
        #expect("aaa".replacingAll("aa", with: "b") == "ba")
        #expect("é<é".replacingAll("<", with: "&lt;") == "é&lt;é")
        #expect(TextReplacement([("ab", "1"), ("a", "2")]).apply(to: "aab") == "21")
        #expect("".replacingAll("a", with: "b") == "")
        #expect("no match".replacingAll("zz", with: "y") == "no match")
    }

    @Test("agrees with Foundation's replacingOccurrences for any text")
    func agreesWithFoundation() async {
        let alphabet: [Character] = ["a", "b", "<", "/", "\"", "é", "😀", " "]
        await propertyCheck(input: Gen.int(in: 0..<alphabet.count).array(of: 0...30), Gen.int(in: 0..<alphabet.count).array(of: 1...3)) { text, target in
            let haystack = String(text.map { alphabet[$0] })
            let needle = String(target.map { alphabet[$0] })
            #expect(haystack.replacingAll(needle, with: "[X]") == haystack.replacingOccurrences(of: needle, with: "[X]"))
        }
    }

    /// The meaning of `TextReplacement`, one position at a time: the first listed target there wins.
    static func reference(_ text: String, _ pairs: [(String, String)]) -> String {
        let bytes = Array(text.utf8)
        let patterns = pairs.filter { !$0.0.isEmpty }.map { (Array($0.0.utf8), Array($0.1.utf8)) }
        var output: [UInt8] = [], position = 0
        while position < bytes.count {
            if let (target, replacement) = patterns.first(where: { bytes[position...].starts(with: $0.0) }) {
                output += replacement
                position += target.count
            } else {
                output.append(bytes[position])
                position += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    @Test("several targets, sharing first bytes or prefixes of each other, replace as one position-by-position pass")
    func severalTargets() async {
        let alphabet: [Character] = ["a", "b", "<", "&", "é", "😀", " "]
        let piece = Gen.int(in: 0..<alphabet.count).array(of: 0...3).map { String($0.map { alphabet[$0] }) }
        await propertyCheck(count: 500, input: Gen.int(in: 0..<alphabet.count).array(of: 0...40), piece.array(of: 1...5)) { text, targets in
            let haystack = String(text.map { alphabet[$0] })
            let pairs = targets.enumerated().map { ($1, "[\($0)]") }
            #expect(TextReplacement(pairs).apply(to: haystack) == Self.reference(haystack, pairs), "\(haystack.debugDescription) \(pairs)")
            // The same replacement given as bytes, matches or none.
            let bytes = Array(haystack.utf8).withUnsafeBufferPointer(TextReplacement(pairs).applyBytes)
            #expect(bytes == Array(Self.reference(haystack, pairs).utf8), "\(haystack.debugDescription) \(pairs)")
        }
    }

    @Test("replacing pairs and escaping for XML in one pass gives what the two passes give")
    func escapingInOnePass() async {
        let alphabet: [Character] = ["a", " ", "=", "\"", "/", "<", ">", "&", "'", "é", "\u{1}"]
        let piece = Gen.int(in: 0..<alphabet.count).array(of: 1...4).map { String($0.map { alphabet[$0] }) }
        await propertyCheck(count: 500, input: Gen.int(in: 0..<alphabet.count).array(of: 0...40), piece.array(of: 0...4), piece.array(of: 0...4)) { text, targets, replacements in
            let haystack = String(text.map { alphabet[$0] })
            let pairs = zip(targets, replacements + targets).map { ($0, $1) }
            let oneStep = haystack.xmlEscaped(using: .escapingXML(after: pairs))
            #expect(oneStep == TextReplacement(pairs).apply(to: haystack).xmlEscaped, "\(haystack.debugDescription) \(pairs)")
            #expect(oneStep == Self.xmlReference(Self.reference(haystack, pairs)), "\(haystack.debugDescription) \(pairs)")
        }
    }

    /// XML escaping one scalar at a time: the five special characters as entities, and the characters XML 1.0
    /// forbids (controls other than tab, newline and return; U+FFFE, U+FFFF) dropped.
    static func xmlReference(_ text: String) -> String {
        let entities: [Unicode.Scalar: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;"]
        var output = ""
        for scalar in text.unicodeScalars {
            if (scalar.value < 0x20 && ![0x09, 0x0A, 0x0D].contains(scalar.value)) || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
            output += entities[scalar] ?? String(scalar)
        }
        return output
    }

    @Test("escaping for XML gives what escaping one scalar at a time gives, forbidden characters dropped")
    func escapingAgreesWithReference() async {
        let alphabet: [Character] = ["a", " ", "\"", "'", "<", ">", "&", "é", "😀", "\u{1}", "\u{1F}", "\t", "\n", "\r", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{EFBF}"]
        await propertyCheck(count: 500, input: Gen.int(in: 0..<alphabet.count).array(of: 0...40)) { text in
            let haystack = String(text.map { alphabet[$0] })
            #expect(haystack.xmlEscaped == Self.xmlReference(haystack), "\(haystack.debugDescription)")
        }
    }

    @Test("a one-byte target listed after longer ones with its first byte still wins where they do not match")
    func singleByteAfterLongerTargets() {
        let replacement = TextReplacement([(" href=\"/", " href=\"https://x/"), (" src=\"/", " src=\"https://x/"), (" ", "_"), ("<s", "[s"), ("<", "&lt;")])
        #expect(replacement.apply(to: "<a href=\"/p\"> <img src=\"/i\"> <span>x</span> <") == "&lt;a href=\"https://x/p\">_&lt;img src=\"https://x/i\">_[span>x&lt;/span>_&lt;")
        #expect(replacement.apply(to: " h") == "_h")
        #expect(replacement.apply(to: "<") == "&lt;")
    }
}
