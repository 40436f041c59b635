public import VellumCore

/// What a legal hold covers.
///
/// Selectors say whose or which items: ``custodians``, ``externalParties`` and
/// ``conversations``. When any selector is set, an item must match at least one of them.
/// Filters narrow further, and each one set must match: ``channels``, ``dates``, ``query``. A
/// scope with neither covers everything (a regulator's "preserve all" direction).
public struct HoldScope: Sendable, Hashable {
    /// Employee ids whose items are held.
    public var custodians: Set<String>
    /// Normalized identifiers of outside people (``Identifier/normalize(_:channel:)``).
    public var externalParties: Set<String>
    /// Conversation ids.
    public var conversations: Set<String>
    /// Channels; nil = every channel.
    public var channels: Set<Channel>?
    /// Sent dates; nil = any date.
    public var dates: DateRange?
    /// Search query text. Vellum's search matches it; the caller says which query holds an
    /// item matched (``HoldSubject/matchedQueryHolds``).
    public var query: String?

    public init(
        custodians: Set<String> = [], externalParties: Set<String> = [], conversations: Set<String> = [],
        channels: Set<Channel>? = nil, dates: DateRange? = nil, query: String? = nil
    ) {
        self.custodians = custodians
        self.externalParties = externalParties
        self.conversations = conversations
        self.channels = channels
        self.dates = dates
        self.query = query
    }
}

/// Days from `from` through `through`, both included; an open end is unbounded.
public struct DateRange: Sendable, Hashable {
    public var from: CalendarDay?
    public var through: CalendarDay?

    public init(from: CalendarDay? = nil, through: CalendarDay? = nil) {
        self.from = from
        self.through = through
    }

    public func contains(_ day: CalendarDay) -> Bool {
        (from.map { day >= $0 } ?? true) && (through.map { day <= $0 } ?? true)
    }
}

/// The facts about one item that holds look at.
public struct HoldSubject: Sendable, Hashable {
    /// Ids of the employees in the item (sender, recipients, conversation members).
    public var custodians: Set<String>
    /// Normalized identifiers of the outside people in it.
    public var externalParties: Set<String>
    public var conversation: String?
    public var channel: Channel
    public var sent: CalendarDay
    /// Ids of the holds whose query the item matched (the caller runs the queries).
    public var matchedQueryHolds: Set<String>

    public init(
        custodians: Set<String> = [], externalParties: Set<String> = [], conversation: String? = nil,
        channel: Channel, sent: CalendarDay, matchedQueryHolds: Set<String> = []
    ) {
        self.custodians = custodians
        self.externalParties = externalParties
        self.conversation = conversation
        self.channel = channel
        self.sent = sent
        self.matchedQueryHolds = matchedQueryHolds
    }
}
