import Foundation
import PropertyBased
import Testing
@testable import SitegenSearch

struct SearchIndexTests {
    private func document(_ body: String) -> DocumentTerms {
        DocumentTerms(SearchFields(title: "", description: "", tags: [], headings: [], body: [body]))
    }

    /// The files of a new index of `documents`.
    private func freshFiles(_ documents: [DocumentTerms], _ options: SearchIndex.Options = .init(), hashes: [UInt64]) -> [SearchIndex.File] {
        var index = SearchIndex(documents, options: options)
        return index.files(fragmentHashes: hashes)
    }

    private func text(_ file: SearchIndex.File) -> String { String(decoding: file.bytes, as: UTF8.self) }

    /// Scores are rounded as `rounded()` rounds, halves and the Doubles either side of them included.
    @Test func scoresRoundAsTheLibraryRounds() async {
        let values = Gen.oneOf(
            Gen.double(in: 0...10_000), Gen.int(in: 0...100_000).map { Double($0) + 0.5 },
            Gen.int(in: 0...100_000).map { (Double($0) + 0.5).nextDown }, Gen.int(in: 0...100_000).map { (Double($0) + 0.5).nextUp })
        await propertyCheck(input: values) { value in
            #expect(SearchIndex.roundedInteger(value) == Int(value.rounded()), "\(value)")
        }
        #expect(SearchIndex.roundedInteger(0.49999999999999994) == 0)
        #expect(SearchIndex.roundedInteger(4_503_599_627_370_497) == 4_503_599_627_370_497)
    }

    @Test func bm25MatchesTheFormula() {
        let bm25 = BM25()
        // One document of three: ln(1 + 2.5 / 1.5).
        #expect(abs(bm25.idf(documentFrequency: 1, documentCount: 3) - 0.980829) < 1e-6)
        // At average length a single occurrence scores exactly the idf.
        #expect(abs(bm25.score(weight: 1, length: 4, averageLength: 4, idf: 2) - 2) < 1e-12)
        // Twice as long as average: 2.2 / (1 + 1.2 × 1.75).
        #expect(abs(bm25.score(weight: 1, length: 8, averageLength: 4, idf: 1) - 0.709677) < 1e-6)
    }

    /// Three documents, lengths 2, 1 and 3 (average 2): the scores worked out by hand ("apple" stems to "appl").
    /// Each list starts with idf × 100,000; each score is the saturation × 1,000.
    @Test func tinyCorpusHasKnownScores() {
        let documents = [document("apple pie"), document("apple"), document("pie pie cake")]
        let files = freshFiles(documents, hashes: [1, 2, 3])
        #expect(files.map(\.path) == ["index.json", "terms/0.json"])
        // appl: idf ln(1 + 1.5/2.5) = 0.4700; doc 0 (length 2, norm 1): 2.2 / 2.2 = 1; doc 1 (length 1, norm 0.625): 2.2 / 1.75 = 1.2571.
        // cake: idf ln(1 + 2.5/1.5) = 0.9808; doc 2 (length 3, norm 1.375): 2.2 / 2.65 = 0.8302.
        // pie: idf 0.4700; doc 0: 1; doc 2 (weight 2): 4.4 / 3.65 = 1.2055.
        #expect(text(files[1]) == "{\"appl\":[47000,0,1000,1,1257],\"cake\":[98083,2,830],\"pie\":[47000,0,1000,2,1205]}\n")
        #expect(text(files[0]).hasPrefix("{\"version\":\""))
        #expect(text(files[0]).hasSuffix("\",\"documents\":3,\"shards\":[\"appl\"]}\n"))
    }

    /// A term in the title earns the bonus on top of its saturation (weight 6 at average length: 13.2 / 7.2).
    @Test func titleTermsEarnTheBonus() {
        let titled = DocumentTerms(SearchFields(title: "apple", description: "", tags: [], headings: [], body: []))
        let files = freshFiles([titled, document("pear")], hashes: [])
        #expect(text(files[1]) == "{\"appl\":[69315,0,2833],\"pear\":[69315,1,1000]}\n")
    }

    /// The entries encoded on several tasks give the same files as encoded one by one, also when the
    /// posting lists are dropped after encoding.
    @Test func buildingInParallelGivesTheSameFiles() async {
        let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "λ", "42"]
        let corpus = Gen.int(in: 0..<words.count).array(of: 1...12).map { $0.map { words[$0] }.joined(separator: " ") }.array(of: 1...20)
        await propertyCheck(input: corpus) { bodies in
            let documents = bodies.map(document)
            var parallel = await SearchIndex.build(documents, tasks: 3)
            #expect(parallel.files(fragmentHashes: []) == freshFiles(documents, hashes: []))
            var oneOff = await SearchIndex.build(documents, tasks: 3, editable: false)
            #expect(!oneOff.isEditable)
            #expect(oneOff.files(fragmentHashes: [7]) == freshFiles(documents, hashes: [7]))
        }
    }

    /// Documents added a run at a time, each run packed on its own tasks, number on from the runs before
    /// and give the same files as the whole corpus at once.
    @Test func postingsAddedInRunsGiveTheSameFiles() async {
        let words = ["alpha", "beta", "gamma", "delta", "epsilon", "λ", "42"]
        let corpus = Gen.int(in: 0..<words.count).array(of: 1...10).map { $0.map { words[$0] }.joined(separator: " ") }.array(of: 1...20)
        await propertyCheck(input: corpus, Gen.int(in: 1...7)) { bodies, run in
            let documents = bodies.map(document)
            var postings = SearchPostings()
            for start in stride(from: 0, to: documents.count, by: run) {
                await postings.add(Array(documents[start..<min(start + run, documents.count)]), tasks: 2)
            }
            #expect(postings.lengths == documents.map(\.length))
            var index = await SearchIndex.build(postings, tasks: 3, editable: false)
            #expect(index.files(fragmentHashes: [1, 2]) == freshFiles(documents, hashes: [1, 2]))
        }
    }

    @Test func lengthsAreRoundedToTwoDigits() {
        #expect([0, 7, 99, 100, 104, 105, 1523, 1550, 98_765].map(SearchIndex.rounded) == [0, 7, 99, 100, 100, 110, 1500, 1600, 99_000])
    }

    @Test func versionFollowsEveryFile() {
        let documents = [document("apple pie"), document("apple")]
        let first = text(freshFiles(documents, hashes: [1, 2])[0])
        #expect(first == text(freshFiles(documents, hashes: [1, 2])[0]))
        #expect(first != text(freshFiles(documents, hashes: [1, 3])[0]))
        #expect(first != text(freshFiles([document("apple cake"), document("apple")], hashes: [1, 2])[0]))
    }

    /// Every term of every document is found where the manifest says, with that document among its postings.
    @Test func shardsHoldEveryTermWhereTheManifestPointsTo() async {
        let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "ñu", "ωmega", "42"]
        let corpus = Gen.int(in: 0..<words.count).array(of: 1...12).map { $0.map { words[$0] }.joined(separator: " ") }.array(of: 1...12)
        await propertyCheck(input: corpus, Gen.int(in: 1...120)) { bodies, shardBytes in
            var options = SearchIndex.Options()
            options.shardBytes = shardBytes
            let documents = bodies.map(document)
            let files = freshFiles(documents, options, hashes: bodies.map { _ in 0 })
            let manifest = try! JSONSerialization.jsonObject(with: Data(files[0].bytes)) as! [String: Any]
            let firsts = manifest["shards"] as! [String]
            let shards = files.dropFirst().map { try! JSONSerialization.jsonObject(with: Data($0.bytes)) as! [String: [Int]] }
            #expect(firsts == firsts.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
            for (index, file) in files.dropFirst().enumerated() where shards[index].count > 1 {
                #expect(file.bytes.count <= shardBytes + 3)
            }
            for (number, terms) in documents.enumerated() {
                for term in terms.weights.keys {
                    let shard = firsts.lastIndex { !term.utf16.lexicographicallyPrecedes($0.utf16) }!
                    let list = shards[shard][term] ?? []
                    var docs: [Int] = [], doc = 0
                    #expect(list.first.map { $0 > 0 } ?? false)  // the idf
                    for pair in stride(from: 1, to: list.count, by: 2) {
                        doc += list[pair]
                        docs.append(doc)
                        #expect(list[pair + 1] > 0)
                    }
                    #expect(docs.contains(number), "\(term) in document \(number)")
                    #expect(docs == docs.sorted() && Set(docs).count == docs.count)
                }
            }
        }
    }

    /// Any sequence of edits gives the same files as an index built afresh from the edited documents; with
    /// bodies of one length the average stays put, so only the edited document's scores are written again.
    @Test(arguments: [0...10, 6...6])
    func replacingDocumentsEqualsBuildingAfresh(lengths: ClosedRange<Int>) async {
        let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]
        let body = Gen.int(in: 0..<words.count).array(of: lengths).map { $0.map { words[$0] }.joined(separator: " ") }
        let edited = Gen.int(in: 0...3).array(of: 8...8)
        await propertyCheck(input: body.array(of: 4...4), edited, body.array(of: 1...8), Gen.int(in: 20...200)) { bodies, numbers, texts, shardBytes in
            var options = SearchIndex.Options()
            options.shardBytes = shardBytes
            var documents = bodies.map(document)
            var index = SearchIndex(documents, options: options)
            var previous = index.files(fragmentHashes: [])
            for (number, text) in zip(numbers, texts) {
                let new = document(text)
                index.replace(number, with: new, was: documents[number])
                documents[number] = new
                let afresh = freshFiles(documents, options, hashes: [])
                let files = index.files(fragmentHashes: [])
                #expect(files.map(\.path) == afresh.map(\.path) && files.map(\.bytes) == afresh.map(\.bytes))
                #expect(files.filter(\.unchanged).allSatisfy { file in previous.contains { $0.path == file.path && $0.bytes == file.bytes } })
                previous = files
            }
        }
    }
}
