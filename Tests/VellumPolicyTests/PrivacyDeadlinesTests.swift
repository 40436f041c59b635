import Testing
import VellumPolicy

@Suite("Privacy request deadlines")
struct PrivacyDeadlinesTests {
    @Test("GDPR: one calendar month, the same day or the last day of a shorter month", arguments: [
        ("2028-01-31", "2028-02-29"), ("2027-01-31", "2027-02-28"), ("2026-03-31", "2026-04-30"),
        ("2026-12-15", "2027-01-15"), ("2026-01-15", "2026-02-15"), ("2026-05-31", "2026-06-30"),
        ("2026-08-31", "2026-09-30"), ("2026-02-28", "2026-03-28"), ("2024-02-29", "2024-03-29"),
    ])
    func gdprMonth(_ received: String, _ due: String) {
        let d = PrivacyDeadlines.compute(law: .gdpr, received: day(received), extended: false)
        #expect(d.due == day(due))
        #expect(d.acknowledgeBy == nil)
        #expect(!d.extended)
        #expect(PrivacyDeadlines.compute(law: .ukGdpr, received: day(received)).due == day(due))
    }

    @Test("GDPR extension: two more months from the original due date (the earlier reading)", arguments: [
        ("2028-01-31", "2028-04-29"), ("2026-03-31", "2026-06-30"), ("2026-12-15", "2027-03-15"),
        ("2026-10-31", "2027-01-30"),
    ])
    func gdprExtension(_ received: String, _ due: String) {
        let d = PrivacyDeadlines.compute(law: .gdpr, received: day(received), extended: true)
        #expect(d.due == day(due))
        #expect(d.extended)
        #expect(d.originalDue == PrivacyDeadlines.compute(law: .gdpr, received: day(received)).due)
    }

    @Test("CCPA: acknowledge in 10 business days, answer in 45 calendar days, 45 more when extended", arguments: [
        // received, acknowledge by, due, extended due
        ("2026-01-02", "2026-01-16", "2026-02-16", "2026-04-02"),  // Friday: the weekend is skipped
        ("2026-01-03", "2026-01-16", "2026-02-17", "2026-04-03"),  // Saturday
        ("2025-12-24", "2026-01-07", "2026-02-07", "2026-03-24"),  // across New Year
        ("2026-01-05", "2026-01-19", "2026-02-19", "2026-04-05"),  // Monday
    ])
    func ccpa(_ received: String, _ ack: String, _ due: String, _ extended: String) {
        let d = PrivacyDeadlines.compute(law: .ccpa, received: day(received), extended: false)
        #expect(d.acknowledgeBy == day(ack))
        #expect(d.due == day(due))
        #expect(PrivacyDeadlines.compute(law: .ccpa, received: day(received), extended: true).due == day(extended))
        #expect(day(received).days(until: day(extended)) == 90, "never more than 90 days in all")
    }

    @Test("CCPA business days skip the holidays the policy lists")
    func ccpaHolidays() {
        let deadlines = PrivacyDeadlines(holidays: [day("2025-12-25"), day("2026-01-01")])
        let d = deadlines.compute(law: .ccpa, received: day("2025-12-24"))
        #expect(d.acknowledgeBy == day("2026-01-09"))
        #expect(d.due == day("2026-02-07"), "calendar days ignore holidays")
    }

    @Test("PIPL: 15 working days by default, no extension")
    func pipl() {
        let d = PrivacyDeadlines.compute(law: .pipl, received: day("2026-01-02"))
        #expect(d.due == day("2026-01-23"))
        #expect(d.latestExtendedDue == nil)
        #expect(PrivacyDeadlines.compute(law: .pipl, received: day("2026-01-02"), extended: true).due == day("2026-01-23"))
        #expect(d.citation.contains("15 working days"))
    }

    @Test("the policy file overrides a law's clock field by field and says so")
    func overrides() throws {
        let p = try policy(org + """
            privacy:
              deadlines:
                pipl: {respond: 10bd, extension: 5bd}
                gdpr: {respond: 30d}
                ccpa: {acknowledge: none}
              holidays: [2026-01-05]
            """)
        let pipl = p.privacy.compute(law: .pipl, received: day("2026-01-02"))
        #expect(pipl.due == day("2026-01-19"), "Jan 5 is a holiday")
        #expect(pipl.latestExtendedDue == day("2026-01-26"))
        #expect(pipl.citation.contains("set by the policy: respond 10bd, extension 5bd"))
        let gdpr = p.privacy.compute(law: .gdpr, received: day("2026-01-31"), extended: true)
        #expect(gdpr.originalDue == day("2026-03-02"))
        #expect(gdpr.due == day("2026-05-02"))
        #expect(p.privacy.compute(law: .ccpa, received: day("2026-01-02")).acknowledgeBy == nil)
    }

    @Test("the strictest clock among the laws that apply")
    func strictest() {
        let d = PrivacyDeadlines.defaults.strictest(laws: [.gdpr, .ccpa], received: day("2026-03-02"))
        #expect(d?.law == .gdpr)
        #expect(d?.due == day("2026-04-02"))
        #expect(PrivacyDeadlines.defaults.strictest(laws: [], received: day("2026-03-02")) == nil)
    }

    @Test("deadline spans parse and refuse", arguments: [
        ("1m", DeadlineSpan.months(1) as DeadlineSpan?), ("45d", .calendarDays(45)), ("10bd", .businessDays(10)),
        ("10", nil), ("bd", nil), ("1 month", nil), ("0d", nil), ("-3d", nil), ("1y", nil),
    ])
    func spans(_ text: String, _ expected: DeadlineSpan?) {
        #expect((try? DeadlineSpan(parsing: text)) == expected)
    }
}
