/// A publication date as written in front matter: a calendar day, or an instant with its UTC offset.
/// Formatting is done here, without Foundation's formatters, so output never depends on locale or clock.
public struct PublishDate: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Offset from UTC in seconds; 0 for a date without a time.
    public var offsetSeconds: Int
    /// Whether a time of day was given.
    public var hasTime: Bool

    /// Seconds since 1970-01-01T00:00:00Z.
    public var epochSeconds: Int {
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        return days * 86_400 + hour * 3_600 + minute * 60 + second - offsetSeconds
    }

    public static func < (lhs: PublishDate, rhs: PublishDate) -> Bool { lhs.epochSeconds < rhs.epochSeconds }

    /// Parses `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS[.frac]][Z|±HH:MM]` (a space may stand for `T`).
    public static func parse(_ text: String) -> PublishDate? {
        var scanner = DateScanner(Array(text.trimmingSpaces.utf8))
        guard let year = scanner.number(4), scanner.take("-"), let month = scanner.number(2),
              scanner.take("-"), let day = scanner.number(2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var date = PublishDate(year: year, month: month, day: day, hour: 0, minute: 0, second: 0, offsetSeconds: 0, hasTime: false)
        if scanner.atEnd { return date }
        guard scanner.take("T") || scanner.take("t") || scanner.take(" "),
              let hour = scanner.number(2), scanner.take(":"), let minute = scanner.number(2),
              hour < 24, minute < 60
        else { return nil }
        date.hour = hour
        date.minute = minute
        date.hasTime = true
        if scanner.take(":") {
            guard let second = scanner.number(2), second <= 60 else { return nil }
            date.second = min(second, 59)
            if scanner.take(".") { guard scanner.digits() else { return nil } }
        }
        guard let offset = scanner.offset(), scanner.atEnd else { return nil }
        date.offsetSeconds = offset
        return date
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A tiny cursor over ASCII bytes for date parsing.
private struct DateScanner {
    let bytes: [UInt8]
    var index = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func take(_ character: Character) -> Bool {
        guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
        index += 1
        return true
    }

    mutating func number(_ width: Int) -> Int? {
        guard index + width <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + width] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += width
        return value
    }

    mutating func digits() -> Bool {
        let start = index
        while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
        return index > start
    }

    /// `Z`, `±HH:MM`, `±HHMM`, or nothing (UTC).
    mutating func offset() -> Int? {
        if atEnd { return 0 }
        if take("Z") || take("z") { return 0 }
        let sign: Int
        if take("+") { sign = 1 } else if take("-") { sign = -1 } else { return nil }
        guard let hours = number(2), hours < 24 else { return nil }
        _ = take(":")
        guard let minutes = number(2), minutes < 60 else { return nil }
        return sign * (hours * 3_600 + minutes * 60)
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first?.isWhitespace == true { scalars.removeFirst() }
        while scalars.last?.isWhitespace == true { scalars.removeLast() }
        return String(scalars)
    }
}

extension PublishDate {
    /// The UTC calendar day of an instant (seconds since 1970).
    public init(utcDayOf epochSeconds: Int) {
        // Inverse of daysFromCivil (Howard Hinnant's civil_from_days).
        let z = Int((Double(epochSeconds) / 86_400).rounded(.down)) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day,
                  hour: 0, minute: 0, second: 0, offsetSeconds: 0, hasTime: false)
    }
}
