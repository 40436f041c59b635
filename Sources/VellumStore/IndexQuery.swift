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
    /// Keyed text that must match besides `phrases`: alternatives and exclusions (`a OR b`, `a -b`).
    public var text: TokenMatch?
    /// Keyed text that must not match (`-lunch` beside filters only).
    public var excludedText: TokenMatch?
    /// Each group must match one of the record's tag keys (keyed `has:attachment`, `kind:payment`,
    /// `detector:iban`), as the application computed them at capture.
    public var tagGroups: [[Data]] = []
    /// Each kind must have revised the record (`has:edit`: an edit targets it).
    public var revisedBy: [RecordKind] = []
    /// Records with an alert in one of these states; empty: any state; nil: no filter.
    public var alertStatuses: [StoredAlert.Status]?
    /// Leave out records restricted after an erasure request (for everyone but legal and compliance).
    public var excludeRestricted = false
    /// Inclusive bounds on `sentAt` (ms since the epoch).
    public var since: Int64?
    public var until: Int64?
    public var limit: Int
    public var offset: Int
    public var order: Order
    /// Relevance ranks the matches of words in blocks of this many, newest block first: the
    /// newest `rankingBlock` matches in relevance order, then the next older block, and so on.
    /// Every match is in exactly one block, so pages are stable and the total exact; ranking
    /// every match of a very common word cost more than the rest of a search (decision 0022).
    public var rankingBlock = IndexQuery.defaultRankingBlock
    public static let defaultRankingBlock = 5_000

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

/// A boolean expression over phrases of keyed tokens: what `IndexQuery.text` asks of a record.
public indirect enum TokenMatch: Sendable, Hashable {
    /// Consecutive keyed tokens.
    case phrase([String])
    case all([TokenMatch])
    case any([TokenMatch])
    /// Matches the first and not the second (FTS5's binary `NOT`).
    case but(TokenMatch, excluding: TokenMatch)

    /// Whether a document (its keyed tokens in order) matches, and how often its positive phrases occur.
    public func score(in document: [String]) -> Int? {
        switch self {
        case .phrase(let p):
            let n = TokenMatch.occurrences(of: p, in: document)
            return n > 0 ? n : nil
        case .all(let parts):
            var total = 0
            for part in parts {
                guard let n = part.score(in: document) else { return nil }
                total += n
            }
            return total
        case .any(let parts):
            let scores = parts.compactMap { $0.score(in: document) }
            return scores.isEmpty ? nil : scores.reduce(0, +)
        case .but(let a, let b):
            return b.score(in: document) == nil ? a.score(in: document) : nil
        }
    }

    static func occurrences(of phrase: [String], in doc: [String]) -> Int {
        guard !phrase.isEmpty, doc.count >= phrase.count else { return 0 }
        var n = 0
        for start in 0 ... (doc.count - phrase.count) where doc[start] == phrase[0] {
            if Array(doc[start ..< start + phrase.count]) == phrase { n += 1 }
        }
        return n
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
