extension String {
    /// The same text in storage of its own size: text built by appending keeps up to twice its length in
    /// spare capacity.
    var compacted: String {
        var copy = self
        return copy.withUTF8 { String(decoding: $0, as: UTF8.self) }
    }
}
