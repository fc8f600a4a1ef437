import Foundation
import PropertyBased
import Testing
@testable import SitegenCore

@Suite("Source tree")
struct SourceTreeTests {
    /// A diagnostic's source line is the text between the newlines before and after it, carriage return
    /// kept; there is none before line 1 or past the last.
    @Test func sourceLinesAreTheTextBetweenNewlines() async {
        let pieces = ["a", "é", "\n", "\r\n", "\r", "tab\t", "😀", " "]
        let files = Gen.int(in: 0..<pieces.count).array(of: 0...14).map { $0.map { pieces[$0] }.joined() }
        await propertyCheck(input: files) { text in
            guard case .success(let source) = SourceText.decode(Data(text.utf8), path: "x.md") else { return }
            let lines = source.text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            for number in 0...lines.count + 1 {
                #expect(source.line(number) == ((1...lines.count).contains(number) ? lines[number - 1] : nil), "\(text.debugDescription) line \(number)")
            }
        }
    }

    /// Whatever the line endings, the head kept of a file decodes to the first lines of the whole file,
    /// line breaks included, and to all of it when it has no more lines than that.
    @Test func keptHeadsAreTheFirstLines() async {
        let pieces = ["---", "title: Café", "", "body", "\n", "\r\n", "\r", "\n", "\u{FEFF}"]
        let files = Gen.int(in: 0..<pieces.count).array(of: 0...14).map { $0.map { pieces[$0] }.joined() }
        await propertyCheck(input: files, Gen.int(in: 0...6)) { text, lines in
            let path = "content/a.md"
            let tree = SourceTree(content: [path: Data(text.utf8), "content/b.md": Data("b\n".utf8)]).keepingHeads([path: lines])
            guard case .success(let whole) = SourceText.decode(Data(text.utf8), path: path),
                  case .success(let kept) = SourceText.decode(tree.content[path]!, path: path) else {
                Issue.record("does not decode")
                return
            }
            let wholeLines = whole.text.split(separator: "\n", omittingEmptySubsequences: false)
            let expected = wholeLines.count > lines
                ? wholeLines.prefix(lines).map { $0 + "\n" }.joined()
                : whole.text
            #expect(kept.text == expected)
            #expect(tree.content["content/b.md"] == Data("b\n".utf8))
        }
    }

    @Test func aHeadIsCopiedOutOfTheFile() {
        let data = Data(("---\ntitle: A\n---\n" + String(repeating: "body\n", count: 1000)).utf8)
        let kept = SourceTree(content: ["content/a.md": data]).keepingHeads(["content/a.md": 3]).content["content/a.md"]!
        #expect(kept == Data("---\ntitle: A\n---\n".utf8))
        // A slice would share, and so keep alive, the whole file's storage.
        #expect(kept.withUnsafeBytes { $0.baseAddress } != data.withUnsafeBytes { $0.baseAddress })
    }
}
