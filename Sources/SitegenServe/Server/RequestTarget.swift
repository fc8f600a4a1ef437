/// A request's target, checked and percent-decoded once. Anything that could name a file outside the site,
/// or that different layers could read differently, is refused: NUL, backslashes, encoded `/` and `\`,
/// `.` and `..` segments (before and after decoding), empty segments, invalid escapes or UTF-8, and
/// targets that are not an absolute path.
struct RequestTarget: Equatable {
    /// The decoded path, starting with `/`.
    var path: String
    /// The path as sent, still percent-encoded (used in redirects).
    var rawPath: String
    /// The query as sent, without `?`; nil when there is none.
    var query: String?

    /// Why a target is refused; every case is answered with 400.
    enum Rejection: Error, Equatable {
        case notAbsolute, forbiddenCharacter, encodedSeparator, dotSegment, emptySegment, badEscape, notUTF8
    }

    /// Parses a request target such as `/blog/x/?page=2`.
    static func parse(_ target: String) -> Result<RequestTarget, Rejection> {
        let withoutFragment = target.prefix { $0 != "#" }
        let rawPath = String(withoutFragment.prefix { $0 != "?" })
        let query = withoutFragment.firstIndex(of: "?").map { String(withoutFragment[withoutFragment.index(after: $0)...]) }
        guard rawPath.hasPrefix("/") else { return .failure(.notAbsolute) }
        if rawPath.contains("\\") || rawPath.contains("\0") { return .failure(.forbiddenCharacter) }
        let lowered = rawPath.lowercased()
        if lowered.contains("%2f") || lowered.contains("%5c") { return .failure(.encodedSeparator) }
        if lowered.contains("%00") { return .failure(.forbiddenCharacter) }
        if let rejection = checkSegments(rawPath) { return .failure(rejection) }
        guard let bytes = percentDecoded(rawPath) else { return .failure(.badEscape) }
        guard let path = String(validating: bytes, as: UTF8.self) else { return .failure(.notUTF8) }
        if path.contains("\\") || path.contains("\0") { return .failure(.forbiddenCharacter) }
        if let rejection = checkSegments(path) { return .failure(rejection) }
        return .success(RequestTarget(path: path, rawPath: rawPath, query: query))
    }

    /// `.` and `..` segments, and empty ones other than after the last `/` (`//etc/passwd`).
    private static func checkSegments(_ path: String) -> Rejection? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (index, segment) in segments.enumerated() {
            if segment == "." || segment == ".." { return .dotSegment }
            if segment.isEmpty && index != segments.count - 1 { return .emptySegment }
        }
        return nil
    }

    /// The bytes of `text` with each `%XX` replaced by its byte; nil for a `%` without two hex digits.
    private static func percentDecoded(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
