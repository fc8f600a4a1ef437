extension String {
    /// The same text in storage of its own size. Text built by appending keeps up to twice its length in
    /// spare capacity, and a build holds every article's HTML and section text until the end.
    var compacted: String {
        var copy = self
        return copy.withUTF8 { String(decoding: $0, as: UTF8.self) }
    }
}
