import PropertyBased
import Testing
@testable import SitegenSearch

struct ShortWordTableTests {
    private static let word = Gen.oneOf(
        Gen.unicodeScalar(in: "a"..."z"), Gen.unicodeScalar(in: "A"..."Z"), Gen.unicodeScalar(in: "0"..."9")
    ).array(of: 1...8).map { String(String.UnicodeScalarView($0)) }

    /// A packed word unpacks to the word lower-cased, and words that differ other than in case pack apart.
    @Test func packingKeepsTheLowerCasedWord() async {
        await propertyCheck(input: Self.word.array(of: 2...2)) { words in
            let packed = words.map { word in Array(word.utf8).withUnsafeBufferPointer(ShortWordTable.pack) }
            #expect(String(decoding: ShortWordTable.bytes(of: packed[0]), as: UTF8.self) == words[0].lowercased())
            #expect((packed[0] == packed[1]) == (words[0].lowercased() == words[1].lowercased()))
        }
    }

    /// Filed words are found, through the table's growth, and no other word is.
    @Test func findsWhatWasFiledAndNothingElse() async {
        await propertyCheck(input: Self.word.array(of: 0...300)) { words in
            var table = ShortWordTable(capacity: 4)
            var filed: [UInt64: Int32] = [:]
            for word in words.dropLast() {
                let key = Array(word.utf8).withUnsafeBufferPointer(ShortWordTable.pack)
                if table.value(for: key) == nil {
                    filed[key] = Int32(filed.count)
                    table.insert(key, Int32(filed.count - 1))
                }
            }
            #expect(table.count == filed.count)
            for (key, value) in filed { #expect(table.value(for: key) == value) }
            if let last = words.last {
                let key = Array(last.utf8).withUnsafeBufferPointer(ShortWordTable.pack)
                #expect(table.value(for: key) == filed[key])
            }
        }
    }
}
