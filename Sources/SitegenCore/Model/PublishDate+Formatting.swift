extension PublishDate {
    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
    private static let dayNames = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]

    /// `2026-03-16`, or RFC 3339 with the written offset when a time was given; for `<time datetime>`.
    public var iso: String { hasTime ? rfc3339 : "\(pad(year, 4))-\(pad(month))-\(pad(day))" }

    /// Always a full RFC 3339 timestamp (`2026-03-16T00:00:00Z` for a plain date); for Atom, JSON Feed and sitemaps.
    public var rfc3339: String {
        "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(hour)):\(pad(minute)):\(pad(second))\(offsetText(separator: ":", zulu: true))"
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
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
