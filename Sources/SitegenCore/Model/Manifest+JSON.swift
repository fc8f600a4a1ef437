import Foundation

extension Manifest {
    /// Pretty-printed JSON with sorted keys and a trailing newline, so equal manifests are equal bytes.
    ///
    /// Written by hand, byte for byte as `JSONEncoder` writes it with `.sortedKeys`, `.prettyPrinted` and
    /// `.withoutEscapingSlashes` (a test holds the two together): the encoder took half a second for the
    /// 27,000 entries of a 10,000-article site.
    public func json() -> Data {
        var out = PrettyJSON()
        out.bytes.reserveCapacity(entries.count * 400)
        out.raw("{\n  \"baseURL\" : ")
        out.string(baseURL)
        out.raw(",\n  \"entries\" : [\n")
        for (index, entry) in entries.enumerated() {
            out.raw(index == 0 ? "    {\n" : ",\n    {\n")
            out.raw("      \"kind\" : ")
            out.string(entry.kind.rawValue)
            out.raw(",\n      \"path\" : ")
            out.string(entry.path)
            if let sha256 = entry.sha256 {
                out.raw(",\n      \"sha256\" : ")
                out.string(sha256)
            }
            out.raw(",\n      \"sources\" : [\n")
            for (number, source) in entry.sources.enumerated() {
                out.raw(number == 0 ? "        " : ",\n        ")
                out.string(source)
            }
            out.raw("\n      ]")
            if let title = entry.title {
                out.raw(",\n      \"title\" : ")
                out.string(title)
            }
            out.raw(",\n      \"url\" : ")
            out.string(entry.url)
            out.raw("\n    }")
        }
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
}
