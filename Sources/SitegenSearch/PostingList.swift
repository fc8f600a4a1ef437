/// One term's documents (ascending) and weighted frequencies.
struct PostingList: Sendable {
    var documents: [Int32] = []
    var weights: [Float] = []
    var inTitle: [Bool] = []

    init() {}

    init(documents: [Int32], weights: [Float], inTitle: [Bool]) {
        self.documents = documents
        self.weights = weights
        self.inTitle = inTitle
    }

    /// Where `document` is, or would go.
    func position(of document: Int32) -> Int {
        var (low, high) = (0, documents.count)
        while low < high {
            let middle = (low + high) / 2
            if documents[middle] < document { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Sets the document's weight; nil takes it out.
    mutating func set(_ document: Int32, weight: Float?, inTitle titled: Bool) {
        let low = position(of: document)
        let present = low < documents.count && documents[low] == document
        switch (present, weight) {
        case (true, .some(let weight)):
            weights[low] = weight
            inTitle[low] = titled
        case (true, nil):
            documents.remove(at: low)
            weights.remove(at: low)
            inTitle.remove(at: low)
        case (false, .some(let weight)):
            documents.insert(document, at: low)
            weights.insert(weight, at: low)
            inTitle.insert(titled, at: low)
        case (false, nil): break
        }
    }
}
