extension PublishDate {
    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
    private static let dayNames = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]

    /// `2026-03-16`, or RFC 3339 with the written offset when a time was given; for `<time datetime>`.
    public var iso: String { hasTime ? rfc3339 : Self.text { calendarDate(to: &$0) } }

    /// Always a full RFC 3339 timestamp (`2026-03-16T00:00:00Z` for a plain date); for Atom, JSON Feed and sitemaps.
    public var rfc3339: String {
        // Written as bytes: feeds and the sitemap format thousands of these, and interpolating padded
        // Strings cost several thousand instructions each.
        Self.text { bytes in
            calendarDate(to: &bytes)
            bytes.append(UInt8(ascii: "T"))
            Self.appendPadded(hour, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            Self.appendPadded(minute, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            Self.appendPadded(second, to: &bytes)
            bytes += offsetText(separator: ":", zulu: true).utf8
        }
    }

    /// RFC 822 as RSS 2.0 wants it: `Mon, 16 Mar 2026 00:00:00 +0000`.
    public var rfc822: String {
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        let weekday = Self.dayNames[((days % 7) + 7) % 7]
        let monthAbbreviation = Self.monthNames[month - 1].prefix(3)
        return "\(weekday), \(pad(day)) \(monthAbbreviation) \(pad(year, 4)) \(pad(hour)):\(pad(minute)):\(pad(second)) \(offsetText(separator: "", zulu: false))"
    }

    /// For people: `March 16, 2026`.
    public var display: String { "\(Self.monthNames[month - 1]) \(day), \(year)" }

    private func offsetText(separator: String, zulu: Bool) -> String {
        if offsetSeconds == 0 && zulu { return "Z" }
        let magnitude = abs(offsetSeconds)
        return (offsetSeconds < 0 ? "-" : "+") + pad(magnitude / 3_600) + separator + pad(magnitude % 3_600 / 60)
    }

    private func pad(_ value: Int, _ width: Int = 2) -> String {
        Self.text { Self.appendPadded(value, width: width, to: &$0) }
    }

    /// `2026-03-16`.
    private func calendarDate(to bytes: inout [UInt8]) {
        Self.appendPadded(year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Self.appendPadded(month, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Self.appendPadded(day, to: &bytes)
    }

    /// `value` in decimal, with zeros in front up to `width` digits (a sign counts as one).
    private static func appendPadded(_ value: Int, width: Int = 2, to bytes: inout [UInt8]) {
        guard value >= 0 else {
            let digits = String(value).utf8
            bytes += repeatElement(UInt8(ascii: "0"), count: max(0, width - digits.count))
            bytes += digits
            return
        }
        var count = 1, rest = value / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        if count < width { bytes += repeatElement(UInt8(ascii: "0"), count: width - count) }
        // The digits from the last one back, into their places.
        let end = bytes.count + count
        bytes += repeatElement(UInt8(ascii: "0"), count: count)
        rest = value
        for index in stride(from: end - 1, through: end - count, by: -1) {
            bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }

    private static func text(_ write: (inout [UInt8]) -> Void) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        write(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
