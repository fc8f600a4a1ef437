import Foundation

/// Okapi BM25 over weighted term frequencies (field weights folded in before saturation, as in BM25F).
public struct BM25: Sendable, Hashable {
    /// How fast repeated occurrences stop adding to a score.
    public var k1: Double = 1.2
    /// How much a long document's matches are discounted (0: not at all, 1: fully).
    public var b: Double = 0.75

    public init() {}

    /// Inverse document frequency of a term found in `documentFrequency` of `documentCount` documents.
    public func idf(documentFrequency: Int, documentCount: Int) -> Double {
        let n = Double(documentFrequency), total = Double(documentCount)
        return log(1 + (total - n + 0.5) / (n + 0.5))
    }

    /// A document's score for one term: `idf × saturation`.
    public func score(weight: Double, length: Int, averageLength: Double, idf: Double) -> Double {
        idf * saturation(weight: weight, length: length, averageLength: averageLength)
    }

    /// The term-frequency part of the score, between 0 and `k1 + 1`.
    public func saturation(weight: Double, length: Int, averageLength: Double) -> Double {
        saturation(weight: weight, norm: norm(length: length, averageLength: averageLength))
    }

    /// `saturation` with the document's `norm` worked out already.
    public func saturation(weight: Double, norm: Double) -> Double {
        weight * (k1 + 1) / (weight + k1 * norm)
    }

    /// The part of `saturation` that depends on the document alone: 1 at the average length, more above it.
    public func norm(length: Int, averageLength: Double) -> Double {
        1 - b + b * Double(length) / max(averageLength, 1)
    }
}
