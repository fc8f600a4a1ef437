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
}
