public import Foundation
public import VellumCore
import VellumCrypto
import VellumSearch
import VellumStore

/// What to look for: words and quoted phrases (all must match) and filters.
public struct SearchRequest: Sendable {
    public var query: String?
    public var channels: [Channel] = []
    /// Identifiers (phone, handle, email) or directory employee ids.
    public var participants: [String] = []
    public var conversations: [String] = []
    public var since: Date?
    public var until: Date?
    public var limit = 50
    public var offset = 0
    /// Also find records restricted after an erasure request (legal and compliance only; logged).
    public var includeRestricted = false

    public init(query: String? = nil) { self.query = query }
}

/// One message found, decrypted for the reader.
public struct SearchHit: Sendable, Hashable, Codable {
    public var id: String
    public var source_id: String
    public var channel: String
    public var conversation: String
    public var sender: String
    public var sent_at: String
    public var text: String
    public var snippet: String
    public var kind: String
    /// The sender's identifier on the channel, and their directory employee id when they are one
    /// (conversation views put employees on one side).
    public var sender_id: String?
    public var sender_employee: String?
    /// For an edit or a recall: the source id of the message it revises.
    public var revises: String?
}

public struct SearchResponse: Sendable, Hashable, Codable {
    public var total: Int
    public var hits: [SearchHit]
}

/// Searches the blind index and opens the hits; every search is written to the ledger.
public struct SearchService: Sendable {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    public func search(_ request: SearchRequest, actor: String) throws -> SearchResponse {
        let response = try run(request)
        try AccessLog(archive: archive).record(
            actor: actor, action: request.includeRestricted ? "search.restricted" : "search", records: response.hits.map(\.id),
            count: response.total,
            detail: request.query ?? "")
        return response
    }

    /// The search without its access event, for services that write one event for a whole view
    /// (``ConversationViewer``).
    func run(_ request: SearchRequest) throws -> SearchResponse {
        // The query language (docs/search.md); the request's own filters narrow it further.
        let plan = try QueryPlanner(archive: archive).plan(request.query ?? "")
        let phrases = plan.highlighted
        // A word that holds no searchable term (only punctuation, say) matches nothing.
        let unmatchable = plan.phrases.contains { $0 == ["\u{0}"] }
        var cache = BlindTokenCache(key: archive.keys.blindIndex, capacity: 1024)
        var channels = request.channels.isEmpty ? nil : Set(request.channels)
        if let planned = plan.channels { channels = (channels ?? planned).intersection(planned) }
        let channelList = channels.map { Channel.allCases.filter($0.contains) }
        let conversationIDs = request.conversations + plan.conversationIDs
        var query = IndexQuery(
            channels: channelList ?? [],
            participantKeys: try request.participants.flatMap { try ParticipantKeys(archive: archive).keys(for: $0) },
            conversationKeys: conversationIDs.flatMap { c in
                (channelList ?? Channel.allCases).map { archive.conversationKey($0, conversationID: c) }
            },
            since: [request.since.map { Int64($0.timeIntervalSince1970 * 1000) }, plan.since].compactMap { $0 }.max(),
            until: [request.until.map { Int64($0.timeIntervalSince1970 * 1000) }, plan.until].compactMap { $0 }.min(),
            limit: request.limit, offset: request.offset, order: plan.order)
        plan.apply(to: &query, cache: &cache)
        query.excludeRestricted = !request.includeRestricted
        // A channel set emptied by the filters (channel:a channel:b) matches nothing.
        let noChannel = channelList?.isEmpty == true
        let result = unmatchable || noChannel ? IndexResult(total: 0, hits: []) : try archive.store.read { try $0.search(query) }
        let hits = try result.hits.map { record in
            let m = try archive.open(record).message
            let text = m.text ?? ""
            return SearchHit(
                id: record.id.rawValue, source_id: m.id, channel: m.channel.rawValue,
                conversation: m.conversation.title ?? m.conversation.id, sender: m.from.name ?? m.from.id,
                sent_at: m.sent_at, text: text,
                snippet: phrases.isEmpty ? String(text.prefix(120))
                    : Snippet.make(text: m.indexedText, phrases: phrases, tokenizer: IndexText.tokenizer),
                kind: m.kind.rawValue, sender_id: m.from.id, sender_employee: m.from.employee,
                revises: m.edit_of ?? m.recall_of)
        }
        return SearchResponse(total: result.total, hits: hits)
    }
}

/// Splits a query into phrases of normalized terms: each bare word and each "quoted phrase" is one.
enum QueryText {
    static func phrases(_ query: String) -> [[String]] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        for ch in query {
            if ch == "\"" {
                if !current.isEmpty { parts.append(current) }
                current = ""
                quoted.toggle()
            } else if ch.isWhitespace, !quoted {
                if !current.isEmpty { parts.append(current) }
                current = ""
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts.map { IndexText.tokenizer.terms(in: $0) }.filter { !$0.isEmpty }
    }

    /// The terms the index must match for one phrase. A two-character CJK word is indexed as
    /// unigram, bigram, unigram; its bigram alone says the same and spares FTS5 the position
    /// checks on two very common unigrams (three to four times faster on Chinese words).
    static func indexTerms(_ terms: [String]) -> [String] {
        guard terms.count == 3, terms[1] == terms[0] + terms[2],
              [terms[0], terms[2]].allSatisfy({ $0.unicodeScalars.count == 1 && $0.unicodeScalars.first!.value >= 0x2E80 })
        else { return terms }
        return [terms[1]]
    }
}

/// The keys under which a participant filter value may be stored: the value read as an identifier
/// on every channel, and, when it is a directory employee id, every identifier of that employee.
struct ParticipantKeys {
    let archive: Archive

    func keys(for value: String) throws -> [Data] {
        var identifiers = Set(Channel.allCases.map { Identifier.normalize(value, channel: $0) })
        let employeeKey = archive.identifierKey(DirectoryService.employeeIdentifier(value))
        if let stored = try archive.store.read({ try $0.employee(identifierKey: employeeKey) }) {
            identifiers.formUnion(try archive.openEmployee(stored).normalizedIdentifiers)
        }
        return identifiers.sorted().map(archive.identifierKey)
    }
}
