import VellumCore

extension CalendarDay {
    /// The day `days` days later (earlier when negative).
    public func adding(days: Int) -> CalendarDay {
        CalendarDay(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The same day of the month `months` months later, or the last day of that month when it is
    /// shorter: Jan 31 + 1 month = Feb 28 (Feb 29 in a leap year), Mar 31 + 1 month = Apr 30.
    ///
    /// This is how GDPR Art. 12(3) months and retention periods in months and years are counted
    /// (the rule of EU Regulation 1182/71 Art. 3(2)(c)). It does not move a date that falls on a
    /// weekend: the earlier date is the safe one for a deadline.
    public func adding(months: Int) -> CalendarDay {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        let m = index - y * 12 + 1
        let d = Swift.min(day, CivilDate.daysInMonth(y, m))
        return CalendarDay(daysSinceEpoch: CivilDate.toDays(y, m, d))
    }

    /// The same day `years` years later; Feb 29 becomes Feb 28 in a common year.
    public func adding(years: Int) -> CalendarDay { adding(months: years * 12) }

    /// The `count`-th business day after this day: weekends and `holidays` are skipped, and this
    /// day itself is not counted (a request received on Friday has Monday as business day 1).
    public func adding(businessDays count: Int, holidays: Set<CalendarDay> = []) -> CalendarDay {
        precondition(count >= 0, "business days are counted forwards")
        var current = self
        var remaining = count
        while remaining > 0 {
            current = current.adding(days: 1)
            if !current.isWeekend && !holidays.contains(current) { remaining -= 1 }
        }
        return current
    }

    /// Whole days from this day to `other` (negative when `other` is earlier).
    public func days(until other: CalendarDay) -> Int { other.daysSinceEpoch - daysSinceEpoch }
}
