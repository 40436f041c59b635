/// The request clocks of each privacy law, with the organisation's holidays for business-day
/// counts. The defaults follow regulation.md §5; the policy file's `privacy.deadlines` overrides them.
public struct PrivacyDeadlines: Sendable, Hashable {
    /// How one law's clock runs.
    public struct Rule: Sendable, Hashable {
        /// Time to confirm receipt, if the law sets one (CCPA: 10 business days).
        public var acknowledge: DeadlineSpan?
        /// Time to answer, counted from receipt.
        public var respond: DeadlineSpan
        /// How much later the answer may come once extended, counted from the original due date;
        /// nil when the law allows no extension.
        public var extendBy: DeadlineSpan?
        /// Where the numbers come from.
        public var citation: String

        public init(acknowledge: DeadlineSpan? = nil, respond: DeadlineSpan, extendBy: DeadlineSpan?, citation: String) {
            self.acknowledge = acknowledge
            self.respond = respond
            self.extendBy = extendBy
            self.citation = citation
        }
    }

    public var rules: [PrivacyLaw: Rule]
    /// Days that are not business days besides Saturdays and Sundays.
    public var holidays: Set<CalendarDay>

    public init(rules: [PrivacyLaw: Rule] = PrivacyDeadlines.defaultRules, holidays: Set<CalendarDay> = []) {
        self.rules = PrivacyDeadlines.defaultRules.merging(rules) { _, new in new }
        self.holidays = holidays
    }

    /// The defaults with no holidays.
    public static let defaults = PrivacyDeadlines()

    /// regulation.md §5. GDPR and UK GDPR: one month (Art. 12(3)), two more when extended. CCPA:
    /// acknowledge in 10 business days, answer in 45 calendar days, 45 more when extended (Regs
    /// §7021). PIPL sets no day count (Art. 50; the 2025 network data regulations say "promptly",
    /// 及时): Vellum's default is the internal limit of 15 working days from regulation.md §2.5.
    public static let defaultRules: [PrivacyLaw: Rule] = [
        .gdpr: Rule(
            respond: .months(1), extendBy: .months(2),
            citation: "GDPR Art. 12(3): within one month of receipt, extendable by two further months"),
        .ukGdpr: Rule(
            respond: .months(1), extendBy: .months(2),
            citation: "UK GDPR Art. 12(3) and 12A: within one month of receipt, extendable by two further months"),
        .ccpa: Rule(
            acknowledge: .businessDays(10), respond: .calendarDays(45), extendBy: .calendarDays(45),
            citation: "CCPA Regulations §7021: confirm within 10 business days, respond within 45 calendar days, "
                + "extendable once by 45 days (90 in all)"),
        .pipl: Rule(
            respond: .businessDays(15), extendBy: nil,
            citation: "PIPL Art. 50 (promptly, no statutory day count); Vellum's internal limit of 15 working days"),
    ]

    /// The dates for a request under `law` received on `received`, with the default clocks.
    public static func compute(law: PrivacyLaw, received: CalendarDay, extended: Bool = false) -> PrivacyDeadline {
        defaults.compute(law: law, received: received, extended: extended)
    }

    /// The dates for a request under `law` received on `received`.
    ///
    /// An extension is counted from the original due date: a GDPR request received on Jan 31,
    /// 2028 is due Feb 29 and, extended, Apr 29 (not Apr 30): the earlier of the two readings of
    /// Art. 12(3). A law with no extension keeps its due date when `extended` is true.
    public func compute(law: PrivacyLaw, received: CalendarDay, extended: Bool = false) -> PrivacyDeadline {
        let rule = rules[law] ?? PrivacyDeadlines.defaultRules[law]!
        let due = rule.respond.end(from: received, holidays: holidays)
        let extendedDue = rule.extendBy.map { $0.end(from: due, holidays: holidays) }
        return PrivacyDeadline(
            law: law, received: received,
            acknowledgeBy: rule.acknowledge.map { $0.end(from: received, holidays: holidays) },
            originalDue: due, due: extended ? (extendedDue ?? due) : due,
            extended: extended && extendedDue != nil, latestExtendedDue: extendedDue, citation: rule.citation)
    }

    /// The strictest dates among several laws that apply to one request (regulation.md §5: run
    /// every request on the strictest clock that applies).
    public func strictest(laws: [PrivacyLaw], received: CalendarDay, extended: Bool = false) -> PrivacyDeadline? {
        laws.map { compute(law: $0, received: received, extended: extended) }.min { a, b in
            (a.due, a.acknowledgeBy ?? a.due) < (b.due, b.acknowledgeBy ?? b.due)
        }
    }
}

/// The dates a privacy request must meet, and the rule they come from.
public struct PrivacyDeadline: Sendable, Hashable {
    public var law: PrivacyLaw
    public var received: CalendarDay
    /// The last day to confirm receipt; nil when the law sets no such step.
    public var acknowledgeBy: CalendarDay?
    /// The due date before any extension.
    public var originalDue: CalendarDay
    /// The last day to answer (extended when ``extended``).
    public var due: CalendarDay
    /// Whether ``due`` includes an extension.
    public var extended: Bool
    /// The due date an extension would give; nil when the law allows none.
    public var latestExtendedDue: CalendarDay?
    public var citation: String
}
