public import VellumCore

/// The facts about one archived item that retention rules look at.
public struct RetentionSubject: Sendable, Hashable {
    public var channel: Channel
    /// The day the message was sent.
    public var sent: CalendarDay
    /// The day Vellum captured it.
    public var captured: CalendarDay
    /// The employees in the conversation (sender and recipients), with their roles, department
    /// and jurisdiction from the directory.
    public var employees: [Employee]
    /// Jurisdictions of the item itself, beyond its employees' (a client's country, the booking
    /// entity). Rules that filter only on jurisdiction match these too.
    public var jurisdictions: [String]

    public init(
        channel: Channel, sent: CalendarDay, captured: CalendarDay? = nil, employees: [Employee] = [],
        jurisdictions: [String] = []
    ) {
        self.channel = channel
        self.sent = sent
        self.captured = captured ?? sent
        self.employees = employees
        self.jurisdictions = jurisdictions
    }

    /// A subject from instants; the days are UTC days.
    public init(
        channel: Channel, sentAt: Timestamp, capturedAt: Timestamp, employees: [Employee] = [],
        jurisdictions: [String] = []
    ) {
        self.init(
            channel: channel, sent: CalendarDay(utc: sentAt), captured: CalendarDay(utc: capturedAt),
            employees: employees, jurisdictions: jurisdictions)
    }

    func start(_ clock: ClockStart) -> CalendarDay {
        switch clock {
        case .sent: sent
        case .captured: captured
        }
    }
}
