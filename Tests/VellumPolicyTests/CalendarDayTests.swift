import Testing
import VellumCore
import VellumPolicy

@Suite("CalendarDay")
struct CalendarDayTests {
    @Test("parses YYYY-MM-DD and refuses impossible or malformed dates", arguments: [
        ("2024-02-29", true), ("2023-02-29", false), ("2026-04-31", false), ("2026-13-01", false),
        ("2026-00-10", false), ("2026-1-01", false), ("26-01-01", false), ("2026/01/01", false),
        ("2000-02-29", true), ("1900-02-29", false), ("2026-12-31", true), ("", false),
    ])
    func parse(_ text: String, _ valid: Bool) {
        let d = CalendarDay(text)
        #expect((d != nil) == valid)
        if let d { #expect(d.description == text) }
    }

    @Test("ISO weekday", arguments: [
        ("1970-01-01", 4), ("2026-01-02", 5), ("2026-01-03", 6), ("2026-01-04", 7), ("2026-01-05", 1),
        ("2024-02-29", 4), ("1969-12-31", 3),
    ])
    func weekday(_ text: String, _ expected: Int) {
        #expect(day(text).weekday == expected)
    }

    @Test("adding months keeps the day or takes the last day of a shorter month", arguments: [
        ("2028-01-31", 1, "2028-02-29"), ("2026-01-31", 1, "2026-02-28"), ("2026-03-31", 1, "2026-04-30"),
        ("2026-12-15", 1, "2027-01-15"), ("2026-08-31", 1, "2026-09-30"), ("2026-01-30", 1, "2026-02-28"),
        ("2026-05-31", -3, "2026-02-28"), ("2026-01-15", -1, "2025-12-15"), ("2024-02-29", 36, "2027-02-28"),
        ("2024-02-29", 48, "2028-02-29"), ("2026-10-31", 2, "2026-12-31"), ("2026-11-30", 3, "2027-02-28"),
    ])
    func months(_ start: String, _ n: Int, _ expected: String) {
        #expect(day(start).adding(months: n) == day(expected))
    }

    @Test("Feb 29 plus whole years is Feb 28 in a common year and Feb 29 in a leap year", arguments: [
        (1, "2025-02-28"), (3, "2027-02-28"), (4, "2028-02-29"), (6, "2030-02-28"), (7, "2031-02-28"),
        (8, "2032-02-29"),
    ])
    func leapYears(_ years: Int, _ expected: String) {
        #expect(day("2024-02-29").adding(years: years) == day(expected))
    }

    @Test("adding days crosses months, years and leap days")
    func days() {
        #expect(day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(day("2023-02-28").adding(days: 1) == day("2023-03-01"))
        #expect(day("2026-12-31").adding(days: 1) == day("2027-01-01"))
        #expect(day("2026-01-01").adding(days: -1) == day("2025-12-31"))
        #expect(day("2026-01-01").days(until: day("2026-02-15")) == 45)
    }

    @Test("business days skip weekends and holidays and do not count the start day", arguments: [
        ("2026-01-02", 1, "2026-01-05"),   // Friday → Monday
        ("2026-01-02", 10, "2026-01-16"),  // Friday → two weeks later
        ("2026-01-03", 1, "2026-01-05"),   // Saturday → Monday
        ("2026-01-05", 5, "2026-01-12"),   // Monday → next Monday
        ("2025-12-24", 10, "2026-01-07"),  // across New Year, no holidays
    ])
    func businessDays(_ start: String, _ n: Int, _ expected: String) {
        #expect(day(start).adding(businessDays: n) == day(expected))
    }

    @Test("holidays are skipped too")
    func holidays() {
        let h: Set = [day("2025-12-25"), day("2025-12-26"), day("2026-01-01")]
        #expect(day("2025-12-24").adding(businessDays: 10, holidays: h) == day("2026-01-12"))
    }

    @Test("a timestamp becomes its UTC day")
    func utc() {
        #expect(CalendarDay(utc: Timestamp(rfc3339: "2026-03-01T23:30:00-02:00")!) == day("2026-03-02"))
        #expect(CalendarDay(utc: Timestamp(rfc3339: "1969-12-31T23:59:59Z")!) == day("1969-12-31"))
        #expect(CalendarDay(utc: Timestamp(rfc3339: "2024-02-29T00:00:00Z")!) == day("2024-02-29"))
    }

    @Test("days order chronologically")
    func order() {
        #expect(day("2025-12-31") < day("2026-01-01"))
        #expect(day("2026-02-01") > day("2026-01-31"))
    }
}

@Suite("RetentionPeriod")
struct RetentionPeriodTests {
    @Test("parses the policy file's period forms", arguments: [
        ("7y", RetentionPeriod.years(7)), ("36m", .months(36)), ("90d", .days(90)), ("13w", RetentionPeriod(13, .weeks)),
        ("1y", .years(1)),
    ])
    func parse(_ text: String, _ expected: RetentionPeriod) throws {
        let p = try RetentionPeriod(parsing: text)
        #expect(p == expected)
        #expect(p.description == text)
    }

    @Test("refuses anything else", arguments: ["7", "y", "7 y", "7years", "-1y", "0d", "1.5y", "7Y", "", "36500000d"])
    func refuse(_ text: String) {
        #expect(throws: PolicyError.self) { try RetentionPeriod(parsing: text) }
        do { _ = try RetentionPeriod(parsing: text) } catch { #expect(error.code == .invalidPeriod) }
    }

    @Test("ends on the calendar: years and months clamp, weeks and days are exact", arguments: [
        ("2024-02-29", "1y", "2025-02-28"), ("2024-02-29", "3y", "2027-02-28"), ("2024-02-29", "6y", "2030-02-28"),
        ("2024-02-29", "4y", "2028-02-29"), ("2024-01-31", "1m", "2024-02-29"), ("2023-01-31", "36m", "2026-01-31"),
        ("2024-02-29", "12m", "2025-02-28"), ("2026-01-01", "90d", "2026-04-01"), ("2026-01-01", "2w", "2026-01-15"),
    ])
    func end(_ start: String, _ period: String, _ expected: String) throws {
        #expect(try RetentionPeriod(parsing: period).end(from: day(start)) == day(expected))
    }

    @Test("periods order by length", arguments: [("3y", "6y"), ("36m", "37m"), ("35m", "3y"), ("90d", "3m"), ("11m", "1y"), ("4w", "1m")])
    func order(_ shorter: String, _ longer: String) throws {
        #expect(try RetentionPeriod(parsing: shorter) < RetentionPeriod(parsing: longer))
    }

    @Test("reads as words in English and Chinese")
    func words() {
        #expect(RetentionPeriod.years(7).text(.en) == "7 years")
        #expect(RetentionPeriod.years(1).text(.en) == "1 year")
        #expect(RetentionPeriod.months(36).text(.zh) == "36个月")
        #expect(RetentionPeriod.days(90).text(.zh) == "90天")
    }
}
