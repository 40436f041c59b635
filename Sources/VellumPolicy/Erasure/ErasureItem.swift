/// One item found for an erasure request (a message, an attachment, an index entry, a review
/// note …), with what the policy and holds say about it.
public struct ErasureItem: Sendable, Hashable, Identifiable {
    public var id: String
    /// What the item is, as the letter names it: "messages", "attachments", "review notes".
    public var category: String
    /// ``Policy/retention(for:)`` for the item.
    public var retention: RetentionDecision
    /// Holds whose scope covers the item (released ones are ignored when deciding).
    public var holds: [LegalHold]
    /// Set when the item is needed for a concrete legal claim (GDPR Art. 17(3)(e)).
    public var legalClaim: LegalClaim?

    public init(
        id: String, category: String, retention: RetentionDecision, holds: [LegalHold] = [],
        legalClaim: LegalClaim? = nil
    ) {
        self.id = id
        self.category = category
        self.retention = retention
        self.holds = holds
        self.legalClaim = legalClaim
    }
}

/// A concrete legal claim an item is needed for; reviewed periodically (regulation.md §6.2(c)).
public struct LegalClaim: Sendable, Hashable {
    /// The organisation's reference for the claim (not shown to the requester).
    public var reference: String
    /// When the claim is next reviewed; the item is erased once the claim no longer needs it.
    public var reviewBy: CalendarDay?

    public init(reference: String, reviewBy: CalendarDay? = nil) {
        self.reference = reference
        self.reviewBy = reviewBy
    }
}
