import Foundation
import VellumCore
import VellumCrypto
import VellumSearch
import VellumStore

/// Turns a parsed query (docs/search.md) into what the blind index can answer: the words and
/// phrases every hit must hold, and conjunctive filters (channels, people, conversations, dates).
///
/// The index answers conjunctions. Alternatives between filters of one field (`channel:wecom OR
/// channel:wechat`, `from:a OR from:b`) and negated channels are answered too; what it cannot
/// answer yet (alternatives between words, negated words, `has:`, `kind:`, `detector:`, `alert:`,
/// `hold:`, prefix words) is refused with the column of the construct, never silently dropped.
struct QueryPlanner {
    let archive: Archive

    struct Plan {
        var phrases: [[String]] = []
        var channels: Set<Channel>?
        var senderKeys: [Data] = []
        var recipientKeys: [Data] = []
        var participantGroups: [[Data]] = []
        var conversationIDs: [String] = []
        var since: Int64?
        var until: Int64?
        var order: IndexQuery.Order?
    }

    func plan(_ text: String) throws -> Plan {
        let query: Query
        do {
            query = try Query(parsing: text)
        } catch {
            throw VellumError(.invalidInput, "\(error.message) (column \(error.column))\n\(error.pointer(in: text))")
        }
        var plan = Plan()
        let normalized = query.normalized()
        let conjuncts: [QueryExpression] =
            switch normalized.expression {
            case nil: []
            case .and(let parts)?: parts
            case let single?: [single]
            }
        for c in conjuncts { try add(c, to: &plan, text: text) }
        let bounds = normalized.dateBounds(in: TimeZone(secondsFromGMT: 0)!)
        if let lower = bounds.lower {
            plan.since = Int64((lower.date.timeIntervalSince1970 * 1000).rounded(.down)) + (lower.isInclusive ? 0 : 1)
        }
        if let upper = bounds.upper {
            plan.until = Int64((upper.date.timeIntervalSince1970 * 1000).rounded(.up)) - (upper.isInclusive ? 0 : 1)
        }
        // Without words and without `sort:`, a listing reads like a transcript: oldest first.
        if plan.phrases.isEmpty, !text.contains("sort:") {
            plan.order = .timeAscending
        } else {
            switch normalized.sort {
            case .relevance: plan.order = plan.phrases.isEmpty ? .timeDescending : .relevance
            case .newest: plan.order = .timeDescending
            case .oldest: plan.order = .timeAscending
            }
        }
        return plan
    }

    func add(_ e: QueryExpression, to plan: inout Plan, text: String) throws {
        switch e {
        case .term(.word(let w)), .term(.phrase(let w)):
            let terms = IndexText.tokenizer.terms(in: w)
            if terms.isEmpty { plan.phrases.append(["\u{0}"]) } else { plan.phrases.append(terms) }  // unmatchable
        case .term(.prefix(let p)):
            throw unsupported("the prefix word `\(p)*`", at: p + "*", in: text)
        case .field(let f):
            try add(filter: f, to: &plan, text: text)
        case .or(let parts):
            try addAlternatives(parts, to: &plan, text: text)
        case .not(.field(.channel(let c))):
            let excluded = Channel(rawValue: c.rawValue)
            plan.channels = (plan.channels ?? Set(Channel.allCases)).filter { $0 != excluded }
        case .not(let inner):
            throw unsupported("excluding `\(QueryPrinter.format(inner))`", at: QueryPrinter.format(inner), in: text)
        case .and(let parts):
            for p in parts { try add(p, to: &plan, text: text) }
        }
    }

    /// `field:a OR field:b` for channels, senders, recipients, participants and conversations.
    func addAlternatives(_ parts: [QueryExpression], to plan: inout Plan, text: String) throws {
        var filters: [QueryFilter] = []
        for p in parts {
            guard case .field(let f) = p, f.field == parts.first.flatMap({ if case .field(let g) = $0 { g.field } else { nil } })
            else {
                throw unsupported("OR between different kinds of terms", at: "OR", in: text)
            }
            filters.append(f)
        }
        var sub = Plan()
        for f in filters {
            var one = Plan()
            try add(filter: f, to: &one, text: text)
            sub.channels = (sub.channels ?? []).union(one.channels ?? [])
            sub.senderKeys += one.senderKeys
            sub.recipientKeys += one.recipientKeys
            sub.participantGroups = [(sub.participantGroups.first ?? []) + one.participantGroups.flatMap { $0 }]
            sub.conversationIDs += one.conversationIDs
        }
        if let channels = sub.channels, !channels.isEmpty { plan.channels = (plan.channels ?? channels).intersection(channels) }
        if !sub.senderKeys.isEmpty { try setOnce(&plan.senderKeys, sub.senderKeys, "from:", text) }
        if !sub.recipientKeys.isEmpty { try setOnce(&plan.recipientKeys, sub.recipientKeys, "to:", text) }
        if let group = sub.participantGroups.first, !group.isEmpty { plan.participantGroups.append(group) }
        if !sub.conversationIDs.isEmpty { try setOnce(&plan.conversationIDs, sub.conversationIDs, "conversation:", text) }
    }

    func add(filter f: QueryFilter, to plan: inout Plan, text: String) throws {
        let people = ParticipantKeys(archive: archive)
        switch f {
        case .channel(let c):
            guard let channel = Channel(rawValue: c.rawValue) else { return }
            plan.channels = (plan.channels ?? [channel]).intersection([channel])
        case .from(let who): try setOnce(&plan.senderKeys, try people.keys(for: who), "from:", text)
        case .to(let who): try setOnce(&plan.recipientKeys, try people.keys(for: who), "to:", text)
        case .participant(let who): plan.participantGroups.append(try people.keys(for: who))
        case .conversation(let id): try setOnce(&plan.conversationIDs, [id], "conversation:", text)
        case .sent: break  // taken from the query's date bounds
        case .has, .kind, .detector, .alert, .hold:
            throw unsupported("`\(QueryPrinter.format(f))`", at: f.field.rawValue + ":", in: text)
        }
    }

    func setOnce<T>(_ slot: inout [T], _ value: [T], _ field: String, _ text: String) throws {
        guard slot.isEmpty else {
            throw unsupported("two `\(field)` filters that must both hold (use OR for either)", at: field, in: text)
        }
        slot = value
    }

    func unsupported(_ what: String, at needle: String, in text: String) -> VellumError {
        let scalars = Array(text.unicodeScalars)
        let target = Array(needle.unicodeScalars)
        var column = 1
        if !target.isEmpty, scalars.count >= target.count {
            for i in 0 ... scalars.count - target.count where Array(scalars[i ..< i + target.count]) == target {
                column = i + 1
                break
            }
        }
        let caret = String(repeating: " ", count: column - 1) + "^"
        return VellumError(
            .invalidInput,
            "search cannot answer \(what) yet (column \(column)); see docs/search.md\n\(text)\n\(caret)")
    }
}
