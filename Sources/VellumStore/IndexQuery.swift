public import Foundation
public import VellumCore

/// A search as the stores understand it: keyed tokens and keyed filters, never words.
public struct IndexQuery: Sendable, Hashable {
    public enum Order: Sendable, Hashable { case relevance, timeAscending, timeDescending }
    /// Every phrase must match; a phrase is a run of consecutive keyed tokens. Empty: filters only.
    public var phrases: [[String]]
    public var channels: [Channel]
    /// A record matches when any of its participants has one of these keys.
    public var participantKeys: [Data]
    /// A record matches when its conversation has one of these keys (empty: any).
    public var conversationKeys: [Data]
    /// The sender is one of these keys (`from:`).
    public var senderKeys: [Data] = []
    /// A participant other than the sender is one of these keys (`to:`).
    public var recipientKeys: [Data] = []
    /// Each group must match a participant (`participant:a participant:b`: both take part).
    public var participantGroups: [[Data]] = []
    /// Leave out records restricted after an erasure request (for everyone but legal and compliance).
    public var excludeRestricted = false
    /// Inclusive bounds on `sentAt` (ms since the epoch).
    public var since: Int64?
    public var until: Int64?
    public var limit: Int
    public var offset: Int
    public var order: Order

    public init(
        phrases: [[String]] = [], channels: [Channel] = [], participantKeys: [Data] = [],
        conversationKeys: [Data] = [], since: Int64? = nil, until: Int64? = nil, limit: Int = 50, offset: Int = 0,
        order: Order? = nil
    ) {
        self.phrases = phrases
        self.channels = channels
        self.participantKeys = participantKeys
        self.conversationKeys = conversationKeys
        self.since = since
        self.until = until
        self.limit = limit
        self.offset = offset
        self.order = order ?? (phrases.isEmpty ? .timeAscending : .relevance)
    }
}

/// The records found, in order, and how many matched in all.
public struct IndexResult: Sendable {
    public var total: Int
    public var hits: [StoredRecord]
    public init(total: Int, hits: [StoredRecord]) {
        self.total = total
        self.hits = hits
    }
}
