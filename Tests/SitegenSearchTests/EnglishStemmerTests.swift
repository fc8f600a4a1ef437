import Foundation
import SitegenSearch
import Testing

@Suite("English (Porter2) stemmer")
struct EnglishStemmerTests {
    static let vectors = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/english-stems.tsv")

    @Test("examples of each rule")
    func examples() {
        let stemmer = EnglishStemmer()
        let expected = [
            "generously": "generous", "skies": "sky", "dying": "die", "news": "news", "succeeded": "succeed",
            "proceed": "proceed", "general": "general", "arsenal": "arsenal", "communism": "communism",
            "cries": "cri", "ties": "tie", "'quoted'": "quot", "dog's": "dog", "hoped": "hope", "hopping": "hop",
            "controllably": "control", "inning": "inning", "yearly": "year", "saying": "say", "happily": "happili",
            "consistency": "consist", "knightly": "knight", "caresses": "caress", "gas": "gas", "kiwis": "kiwi",
            "fall": "fall", "probate": "probat", "rate": "rate",
        ]
        for (word, stem) in expected {
            #expect(stemmer.stem(word) == stem, "\(word)")
        }
    }

    @Test("returns short words and words with anything but a-z and ' unchanged")
    func unchanged() {
        let stemmer = EnglishStemmer()
        for word in ["", "a", "is", "us", "2024", "café", "naïve", "x86", "co-op", "Running", "日本語"] {
            #expect(stemmer.stem(word) == word)
        }
    }

    @Test("matches snowballstemmer on every word of Fixtures/english-stems.tsv")
    func vectors() throws {
        let stemmer = EnglishStemmer()
        let text = try String(contentsOf: Self.vectors, encoding: .utf8)
        var checked = 0
        var mismatches: [String] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            try #require(fields.count == 2, "malformed line: \(line)")
            let (word, expected) = (String(fields[0]), String(fields[1]))
            let actual = stemmer.stem(word)
            if actual != expected {
                mismatches.append("\(word): expected \(expected), got \(actual)")
            }
            checked += 1
        }
        #expect(checked > 4000)
        #expect(mismatches.count == 0, "\(mismatches.count) of \(checked) differ; first: \(mismatches.prefix(20))")
    }
}
