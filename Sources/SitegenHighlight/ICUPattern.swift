import CFoundationICU

/// An ICU regular expression, compiled once and shared by every task. Matching needs an `ICUMatcher`
/// (a clone), since an ICU expression holds the state of its last match.
final class ICUPattern: Sendable {
    // ICU documents cloning as the way to match one expression in several threads at once; the
    // shared handle is only ever cloned, so sharing it is safe though the compiler cannot tell.
    nonisolated(unsafe) private let handle: OpaquePointer

    /// nil when `pattern` is not a valid ICU regular expression.
    init?(_ pattern: String, caseInsensitive: Bool) {
        let units = Array(pattern.utf16)
        var status: Int32 = 0
        let flags = icu_regex_multiline | (caseInsensitive ? icu_regex_case_insensitive : 0)
        let handle = icu_regex_open(units, Int32(units.count), flags, &status)
        guard let handle, status <= 0 else {
            if let handle { icu_regex_close(handle) }
            return nil
        }
        self.handle = handle
    }

    deinit {
        icu_regex_close(handle)
    }

    /// A private copy to match with.
    func matcher() -> ICUMatcher {
        var status: Int32 = 0
        guard let clone = icu_regex_clone(handle, &status), status <= 0 else { fatalError("ICU could not clone a regular expression (error \(status))") }
        return ICUMatcher(clone)
    }
}

/// A clone of an `ICUPattern` that matches in one text at a time; it belongs to one task.
final class ICUMatcher {
    private let handle: OpaquePointer

    fileprivate init(_ handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        icu_regex_close(handle)
    }

    /// Matches from now on in `count` UTF-16 units at `text`, which must stay as they are until the next call.
    func setText(_ text: UnsafePointer<UInt16>, count: Int) {
        var status: Int32 = 0
        icu_regex_set_text(handle, text, Int32(count), &status)
    }

    /// Whether the pattern matches at `offset`; then `range(0)` is the match.
    func matches(at offset: Int) -> Bool {
        var status: Int32 = 0
        return icu_regex_looking_at(handle, Int32(offset), &status) != 0 && status <= 0
    }

    /// The units group `group` of the last match took (0: the whole match); nil when it took no part.
    func range(_ group: Int) -> Range<Int>? {
        var status: Int32 = 0
        let start = icu_regex_start(handle, Int32(group), &status)
        let end = icu_regex_end(handle, Int32(group), &status)
        guard status <= 0, start >= 0, end >= start else { return nil }
        return Int(start)..<Int(end)
    }
}
