public import Foundation
public import VellumCore
public import VellumPolicy
import VellumSearch
import VellumStore

/// Why a record is kept: the retention rules that match it and the one that wins, the legal holds
/// that cover it, and what disposition would decide today. `vellum policy explain`.
public struct RecordExplanation: Sendable, Codable, Hashable {
    public struct Rule: Sendable, Codable, Hashable {
        public var rule: String
        public var retain_until: String
        public var why: String
    }

    public struct Hold: Sendable, Codable, Hashable {
        public var id: String
        public var matter: String
        public var reason: String
        public var active: Bool
    }

    public var record: String
    public var channel: Channel
    public var sent_at: String
    /// The day retention ends (absent when no rule matches: kept until someone decides).
    public var retain_until: String?
    public var winning_rule: String?
    public var matching_rules: [Rule]
    public var holds: [Hold]
    /// What `retention run` would do today, and why.
    public var disposition: String
    /// The privacy request that restricted the record (kept after an erasure request), if any.
    public var restricted_by: String?
}

public struct ExplainService: Sendable {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    public func explain(_ id: String, actor: String, today: CalendarDay) throws -> RecordExplanation {
        let governance = try RecordGovernance(archive: archive)
        let (stored, restriction) = try archive.store.read { tx in
            guard let r = try tx.record(id: RecordID(id)) else { throw try archive.absentRecordError(RecordID(id), tx) }
            return (r, try tx.restriction(of: r.id))
        }
        let m = try archive.open(stored).message
        let retention = governance.retention(of: m, stored: stored)
        let covering = governance.holds(covering: m)
        let decision = dispositionDecision(retention: retention, holds: covering.filter { $0.isActive(on: today) }, now: today)
        try AccessLog(archive: archive).record(actor: actor, action: "explain", records: [id], count: 1, detail: id)
        return RecordExplanation(
            record: id, channel: m.channel, sent_at: m.sent_at, retain_until: retention.retainUntil?.description,
            winning_rule: retention.winner?.rule.id,
            matching_rules: retention.matches.map { .init(rule: $0.rule.id, retain_until: $0.until.description, why: $0.why) },
            holds: covering.map { .init(id: $0.id, matter: $0.matter, reason: $0.reason, active: $0.isActive(on: today)) },
            disposition: restriction.map {
                "Restricted after privacy request \($0.request): erased by `retention run` once nothing keeps it. " + decision.explanation
            } ?? decision.explanation,
            restricted_by: restriction?.request)
    }
}

extension QueryText {
    /// Whether `text` holds every phrase of `query` as the index would match it (each phrase's
    /// terms in a row), without touching the index.
    static func matches(_ query: String, text: String) -> Bool {
        let document = IndexText.tokenizer.terms(in: text)
        return phrases(query).allSatisfy { phrase in
            guard phrase.count <= document.count else { return false }
            return (0 ... document.count - phrase.count).contains { start in
                document[start ..< start + phrase.count].elementsEqual(phrase)
            }
        }
    }
}
