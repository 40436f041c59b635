/// A length of time for a privacy deadline: `1m` (calendar months), `45d` (calendar days) or
/// `10bd` (business days: weekends and the policy's holidays are skipped).
public enum DeadlineSpan: Sendable, Hashable, CustomStringConvertible {
    case months(Int)
    case calendarDays(Int)
    case businessDays(Int)

    /// Parses `<digits>m`, `<digits>d` or `<digits>bd` (1 … 3650), or throws ``PolicyError/Code/invalidPeriod``.
    public init(parsing text: String) throws(PolicyError) {
        let (digits, make): (Substring, (Int) -> DeadlineSpan) =
            if text.hasSuffix("bd") { (text.dropLast(2), DeadlineSpan.businessDays) }
            else if text.hasSuffix("d") { (text.dropLast(), DeadlineSpan.calendarDays) }
            else if text.hasSuffix("m") { (text.dropLast(), DeadlineSpan.months) }
            else { ("", DeadlineSpan.calendarDays) }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigitCharacter), let n = Int(digits), (1 ... 3650).contains(n)
        else {
            throw PolicyError(
                .invalidPeriod, "`\(text)` is not a deadline: write `1m` (months), `45d` (days) or `10bd` (business days)")
        }
        self = make(n)
    }

    /// The deadline `self` after `start`.
    public func end(from start: CalendarDay, holidays: Set<CalendarDay>) -> CalendarDay {
        switch self {
        case .months(let n): start.adding(months: n)
        case .calendarDays(let n): start.adding(days: n)
        case .businessDays(let n): start.adding(businessDays: n, holidays: holidays)
        }
    }

    public var description: String {
        switch self {
        case .months(let n): "\(n)m"
        case .calendarDays(let n): "\(n)d"
        case .businessDays(let n): "\(n)bd"
        }
    }

    public func text(_ language: Language) -> String {
        switch (language, self) {
        case (.en, .months(let n)): n == 1 ? "1 month" : "\(n) months"
        case (.en, .calendarDays(let n)): n == 1 ? "1 day" : "\(n) days"
        case (.en, .businessDays(let n)): n == 1 ? "1 business day" : "\(n) business days"
        case (.zh, .months(let n)): "\(n)个月"
        case (.zh, .calendarDays(let n)): "\(n)天"
        case (.zh, .businessDays(let n)): "\(n)个工作日"
        }
    }
}
