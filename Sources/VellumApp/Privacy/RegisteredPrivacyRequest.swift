public import VellumPolicy

/// A privacy request as the register holds it: the request, whose data it is about, and its
/// dates under the clocks in force.
public struct RegisteredPrivacyRequest: Sendable, Hashable, Identifiable {
    public var request: PrivacyRequest
    /// The identifiers the requester gave (phone, email, chat ids). Personal data.
    public var subjects: [String]
    public var createdBy: String
    public var deadline: PrivacyDeadline
    /// Who made each move of ``PrivacyRequest/history``, in the same order.
    public var movedBy: [String]
    /// The open legal claim the subject's records are kept for, if any (Legal's reference: never in a letter).
    public var legalClaim: LegalClaim?

    public var id: String { request.id }

    /// Days from `today` to the due date (negative when overdue).
    public func daysLeft(on today: CalendarDay) -> Int { today.days(until: deadline.due) }
}
