import Foundation

extension Manifest {
    /// Pretty-printed JSON with sorted keys and a trailing newline, so equal manifests are equal bytes.
    ///
    /// Written by hand, byte for byte as `JSONEncoder` writes it with `.sortedKeys`, `.prettyPrinted` and
    /// `.withoutEscapingSlashes` (a test holds the two together): the encoder took half a second for the
    /// 27,000 entries of a 10,000-article site.
    public func json() -> Data {
        var out = PrettyJSON()
        out.raw("{\n  \"baseURL\" : ")
        out.string(baseURL)
        out.raw(",\n  \"entries\" : [\n")
        // The entries in parallel, a slice at a time, joined in order.
        let slices = Array(entries.indices).slices(of: 2048)
        let parts = slices.concurrentMap { [entries] slice in
            var part = PrettyJSON()
            part.bytes.reserveCapacity(slice.count * 400)
            for index in slice { part.entry(entries[index], first: index == 0) }
            return part.bytes
        }
        for part in parts { out.bytes += part }
        out.raw("\n  ],\n  \"version\" : ")
        out.raw(String(version))
        out.raw("\n}\n")
        return Data(out.bytes)
    }
}

/// The bytes of `Manifest.json()`.
private struct PrettyJSON {
    var bytes: [UInt8] = []

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func string(_ text: String) {
        JSONText.writeString(text, to: &bytes, escapingSlashes: false)
    }

    /// One entry of the `entries` array, with the comma before it unless it is the `first`.
    mutating func entry(_ entry: Manifest.Entry, first: Bool) {
        raw(first ? "    {\n" : ",\n    {\n")
        raw("      \"kind\" : ")
        string(entry.kind.rawValue)
        raw(",\n      \"path\" : ")
        string(entry.path)
        if let sha256 = entry.sha256 {
            raw(",\n      \"sha256\" : ")
            string(sha256)
        }
        raw(",\n      \"sources\" : [\n")
        for (number, source) in entry.sources.enumerated() {
            raw(number == 0 ? "        " : ",\n        ")
            string(source)
        }
        raw("\n      ]")
        if let title = entry.title {
            raw(",\n      \"title\" : ")
            string(title)
        }
        raw(",\n      \"url\" : ")
        string(entry.url)
        raw("\n    }")
    }
}
