/// A retention period as the policy file writes it: `7y`, `36m`, `13w`, `90d`.
///
/// Years and months are added on the calendar (``CalendarDay/adding(months:)``), so
/// 2024-02-29 + `1y` = 2025-02-28 and 2024-01-31 + `1m` = 2024-02-29; weeks and days are exact.
public struct RetentionPeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Unit: String, Sendable, Hashable, CaseIterable {
        case years = "y", months = "m", weeks = "w", days = "d"
    }

    public let amount: Int
    public let unit: Unit

    public init(_ amount: Int, _ unit: Unit) {
        precondition(amount > 0, "a retention period is positive")
        self.amount = amount
        self.unit = unit
    }

    public static func years(_ n: Int) -> RetentionPeriod { RetentionPeriod(n, .years) }
    public static func months(_ n: Int) -> RetentionPeriod { RetentionPeriod(n, .months) }
    public static func days(_ n: Int) -> RetentionPeriod { RetentionPeriod(n, .days) }

    /// Parses `<digits><y|m|w|d>` with 1 ≤ amount ≤ 36500, or throws ``PolicyError/Code/invalidPeriod``.
    public init(parsing text: String) throws(PolicyError) {
        guard let last = text.last, let unit = Unit(rawValue: String(last)),
            let amount = Int(text.dropLast()), text.dropLast().allSatisfy(\.isASCIIDigitCharacter),
            (1 ... 36_500).contains(amount)
        else {
            throw PolicyError(
                .invalidPeriod,
                "`\(text)` is not a period: write a whole number and a unit, y, m, w or d (`7y`, `36m`, `90d`)")
        }
        self.init(amount, unit)
    }

    /// The last day of the period that starts on `start`.
    public func end(from start: CalendarDay) -> CalendarDay {
        switch unit {
        case .years: start.adding(years: amount)
        case .months: start.adding(months: amount)
        case .weeks: start.adding(days: amount * 7)
        case .days: start.adding(days: amount)
        }
    }

    /// The text form, e.g. `7y`.
    public var description: String { "\(amount)\(unit.rawValue)" }

    /// An approximate length in days, for ordering periods only (never for dates).
    public var approximateDays: Int {
        switch unit {
        case .years: amount * 365 + amount / 4
        case .months: amount * 30 + amount * 7 / 16
        case .weeks: amount * 7
        case .days: amount
        }
    }

    public static func < (lhs: RetentionPeriod, rhs: RetentionPeriod) -> Bool {
        lhs.approximateDays < rhs.approximateDays
    }

    /// "7 years" / "7年", for letters, notices and records of processing.
    public func text(_ language: Language) -> String {
        switch (language, unit) {
        case (.en, .years): amount == 1 ? "1 year" : "\(amount) years"
        case (.en, .months): amount == 1 ? "1 month" : "\(amount) months"
        case (.en, .weeks): amount == 1 ? "1 week" : "\(amount) weeks"
        case (.en, .days): amount == 1 ? "1 day" : "\(amount) days"
        case (.zh, .years): "\(amount)年"
        case (.zh, .months): "\(amount)个月"
        case (.zh, .weeks): "\(amount)周"
        case (.zh, .days): "\(amount)天"
        }
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
