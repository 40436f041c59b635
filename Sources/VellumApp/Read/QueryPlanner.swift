import Foundation
import VellumCore
import VellumCrypto
import VellumPolicy
import VellumSearch
import VellumStore
import VellumSurveillance

/// Turns a parsed query (docs/search.md) into what the blind index can answer.
///
/// Words and phrases combine with AND, OR, NOT and parentheses into a boolean expression the
/// index evaluates over keyed tokens. Filters (people, channels, conversations, dates, `has:`,
/// `kind:`, `detector:`, `alert:`, `hold:`) are conjunctive, and alternatives between filters of
/// one field (`channel:wecom OR channel:wechat`) are answered too. What a blind index cannot
/// answer (prefix words: it keys whole words) or what mixes words and filters under one OR is
/// refused with the column of the construct, never silently dropped.
struct QueryPlanner {
    let archive: Archive

    struct Plan {
        /// Words that must all appear (terms, not yet keyed).
        var phrases: [[String]] = []
        /// A boolean expression over words that must match besides `phrases` (terms, not yet keyed).
        var text: [TokenMatch] = []
        /// Expressions that must not match.
        var excluded: [TokenMatch] = []
        var channels: Set<Channel>?
        var senderKeys: [Data] = []
        var recipientKeys: [Data] = []
        var participantGroups: [[Data]] = []
        var conversationIDs: [String] = []
        var tagGroups: [[Data]] = []
        var revisedBy: [RecordKind] = []
        var alertStatuses: [StoredAlert.Status]?
        var since: Int64?
        var until: Int64?
        var order: IndexQuery.Order?

        /// The phrases a hit is found by (for snippets): required ones and those of alternatives.
        var highlighted: [[String]] {
            func positive(_ m: TokenMatch) -> [[String]] {
                switch m {
                case .phrase(let p): [p]
                case .all(let parts), .any(let parts): parts.flatMap(positive)
                case .but(let a, _): positive(a)
                }
            }
            return phrases + text.flatMap(positive)
        }

        /// Whether the plan holds any words (ranking by relevance needs some).
        var hasWords: Bool { !phrases.isEmpty || !text.isEmpty }

        /// Sets the query's word and filter parts, keying every term with the archive's blind-index key.
        func apply(to q: inout IndexQuery, cache: inout BlindTokenCache) {
            func keyed(_ m: TokenMatch) -> TokenMatch {
                switch m {
                case .phrase(let terms): .phrase(QueryText.indexTerms(terms).map { cache.token(for: $0) })
                case .all(let parts): .all(parts.map(keyed))
                case .any(let parts): .any(parts.map(keyed))
                case .but(let a, let b): .but(keyed(a), excluding: keyed(b))
                }
            }
            q.phrases = phrases.map { QueryText.indexTerms($0).map { cache.token(for: $0) } }
            q.text = text.isEmpty ? nil : keyed(text.count == 1 ? text[0] : .all(text))
            q.excludedText = excluded.isEmpty ? nil : keyed(excluded.count == 1 ? excluded[0] : .any(excluded))
            q.senderKeys = senderKeys
            q.recipientKeys = recipientKeys
            q.participantGroups = participantGroups
            q.tagGroups = tagGroups
            q.revisedBy = revisedBy
            q.alertStatuses = alertStatuses
        }
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
            let ms = Int64((lower.date.timeIntervalSince1970 * 1000).rounded(.down)) + (lower.isInclusive ? 0 : 1)
            plan.since = max(plan.since ?? ms, ms)
        }
        if let upper = bounds.upper {
            let ms = Int64((upper.date.timeIntervalSince1970 * 1000).rounded(.up)) - (upper.isInclusive ? 0 : 1)
            plan.until = min(plan.until ?? ms, ms)
        }
        // Without words and without `sort:`, a listing reads like a transcript: oldest first.
        if !plan.hasWords, !text.contains("sort:") {
            plan.order = .timeAscending
        } else {
            switch normalized.sort {
            case .relevance: plan.order = plan.hasWords ? .relevance : .timeDescending
            case .newest: plan.order = .timeDescending
            case .oldest: plan.order = .timeAscending
            }
        }
        return plan
    }

    func add(_ e: QueryExpression, to plan: inout Plan, text: String) throws {
        switch e {
        case .term(.word(let w)), .term(.phrase(let w)):
            plan.phrases.append(Self.terms(w))
        case .term(.prefix(let p)):
            throw unsupported(
                "the prefix word `\(p)*`: the blind index keys whole words, so it cannot look up their beginnings",
                at: p + "*", in: text)
        case .field(let f):
            try add(filter: f, to: &plan, text: text)
        case .or(let parts) where parts.allSatisfy(\.isText):
            plan.text.append(try words(e, text: text))
        case .or(let parts):
            try addAlternatives(parts, to: &plan, text: text)
        case .not(.field(.channel(let c))):
            let excluded = Channel(rawValue: c.rawValue)
            plan.channels = (plan.channels ?? Set(Channel.allCases)).filter { $0 != excluded }
        case .not(let inner) where inner.isText:
            plan.excluded.append(try words(inner, text: text))
        case .not(let inner):
            throw unsupported("excluding `\(QueryPrinter.format(inner))`", at: QueryPrinter.format(inner), in: text)
        case .and(let parts):
            for p in parts { try add(p, to: &plan, text: text) }
        }
    }

    /// A boolean expression of words as the index evaluates it.
    func words(_ e: QueryExpression, text: String) throws -> TokenMatch {
        switch e {
        case .term(.word(let w)), .term(.phrase(let w)):
            return .phrase(Self.terms(w))
        case .term(.prefix(let p)):
            throw unsupported(
                "the prefix word `\(p)*`: the blind index keys whole words, so it cannot look up their beginnings",
                at: p + "*", in: text)
        case .and(let parts):
            let positive = try parts.filter { if case .not = $0 { false } else { true } }.map { try words($0, text: text) }
            let negative = try parts.compactMap { if case .not(let n) = $0 { n } else { nil } }.map { try words($0, text: text) }
            guard !positive.isEmpty else {
                throw unsupported("a group of only excluded words inside OR or NOT; keep a word beside them", at: "NOT", in: text)
            }
            let all: TokenMatch = positive.count == 1 ? positive[0] : .all(positive)
            return negative.isEmpty ? all : .but(all, excluding: negative.count == 1 ? negative[0] : .any(negative))
        case .or(let parts):
            if parts.contains(where: { if case .not = $0 { true } else { false } }) {
                throw unsupported("OR with an excluded word (it would match almost everything)", at: "OR", in: text)
            }
            return .any(try parts.map { try words($0, text: text) })
        case .not:
            throw unsupported("NOT inside a group without a word beside it", at: "NOT", in: text)
        case .field(let f):
            throw unsupported("OR between words and the filter `\(QueryPrinter.format(f))`", at: f.field.rawValue + ":", in: text)
        }
    }

    /// The index terms of a word or phrase; one that holds none (only punctuation) matches nothing.
    static func terms(_ w: String) -> [String] {
        let terms = IndexText.tokenizer.terms(in: w)
        return terms.isEmpty ? ["\u{0}"] : terms
    }

    /// `field:a OR field:b` for channels, senders, recipients, participants, conversations and tags.
    func addAlternatives(_ parts: [QueryExpression], to plan: inout Plan, text: String) throws {
        let filters: [QueryFilter] = parts.compactMap { if case .field(let f) = $0 { f } else { nil } }
        // One field throughout, or tags throughout (`has:attachment OR detector:iban`).
        guard filters.count == parts.count,
              Set(filters.map(\.field)).count == 1 || filters.allSatisfy(Self.isTag)
        else { throw unsupported("OR between different kinds of terms", at: "OR", in: text) }
        var sub = Plan()
        var alerts: [StoredAlert.Status] = []
        for f in filters {
            var one = Plan()
            try add(filter: f, to: &one, text: text)
            if !one.revisedBy.isEmpty { throw unsupported("OR with `has:edit` or `has:recall`", at: "OR", in: text) }
            if case .hold = f { throw unsupported("OR between holds", at: "OR", in: text) }
            sub.channels = (sub.channels ?? []).union(one.channels ?? [])
            sub.senderKeys += one.senderKeys
            sub.recipientKeys += one.recipientKeys
            sub.participantGroups = [(sub.participantGroups.first ?? []) + one.participantGroups.flatMap { $0 }]
            sub.conversationIDs += one.conversationIDs
            sub.tagGroups = [(sub.tagGroups.first ?? []) + one.tagGroups.flatMap { $0 }]
            alerts += one.alertStatuses ?? []
        }
        if let channels = sub.channels, !channels.isEmpty { plan.channels = (plan.channels ?? channels).intersection(channels) }
        if !sub.senderKeys.isEmpty { try setOnce(&plan.senderKeys, sub.senderKeys, "from:", text) }
        if !sub.recipientKeys.isEmpty { try setOnce(&plan.recipientKeys, sub.recipientKeys, "to:", text) }
        if let group = sub.participantGroups.first, !group.isEmpty { plan.participantGroups.append(group) }
        if !sub.conversationIDs.isEmpty { try setOnce(&plan.conversationIDs, sub.conversationIDs, "conversation:", text) }
        if let group = sub.tagGroups.first, !group.isEmpty { plan.tagGroups.append(group) }
        if case .alert = filters.first { try setAlerts(&plan, alerts, text) }
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
        case .has(.attachment): plan.tagGroups.append([archive.tagKey("has:attachment")])
        case .has(.media): plan.tagGroups.append([archive.tagKey("has:media")])
        case .has(.edit): plan.revisedBy.append(.edit)
        case .has(.recall): plan.revisedBy.append(.recall)
        case .kind(let kind): plan.tagGroups.append([archive.tagKey("kind:" + kind)])
        case .detector(let id):
            let known = RecordTags.scanner.detectorIDs
            guard known.contains(id) else {
                throw unsupported(
                    "`detector:\(id)`: no such detector (known: \(known.sorted().joined(separator: ", ")))",
                    at: "detector:", in: text)
            }
            plan.tagGroups.append([archive.tagKey("detector:" + id)])
        case .alert(let state):
            try setAlerts(&plan, state == .any ? [] : [StoredAlert.Status(rawValue: state.rawValue)!], text)
        case .hold(let name):
            try add(hold: name, to: &plan, text: text)
        }
    }

    static func isTag(_ f: QueryFilter) -> Bool {
        switch f {
        case .has(.attachment), .has(.media), .kind, .detector: true
        default: false
        }
    }

    func setAlerts(_ plan: inout Plan, _ statuses: [StoredAlert.Status], _ text: String) throws {
        guard plan.alertStatuses == nil else {
            throw unsupported("two `alert:` filters that must both hold (use OR for either)", at: "alert:", in: text)
        }
        plan.alertStatuses = statuses
    }

    /// `hold:MATTER`: the hold's scope as filters. People (custodians and external parties) are
    /// one alternative; conversations another; a hold with both is answered by `export --hold`.
    func add(hold name: String, to plan: inout Plan, text: String) throws {
        let holds = try HoldService(archive: archive).list()
        guard let hold = holds.first(where: { $0.id == name || $0.matter.caseInsensitiveCompare(name) == .orderedSame }) else {
            throw unsupported(
                "`hold:\(name)`: no hold has that id or matter", at: "hold:", in: text)
        }
        let scope = hold.scope
        let people = try scope.custodians.sorted().flatMap { try ParticipantKeys(archive: archive).keys(for: $0) }
            + scope.externalParties.sorted().map(archive.identifierKey)
        if !people.isEmpty, !scope.conversations.isEmpty {
            throw unsupported(
                "`hold:\(name)`: the hold covers people and conversations; export it with `vellum export --hold`",
                at: "hold:", in: text)
        }
        if !people.isEmpty { plan.participantGroups.append(people) }
        if !scope.conversations.isEmpty { try setOnce(&plan.conversationIDs, scope.conversations.sorted(), "conversation:", text) }
        if let channels = scope.channels { plan.channels = (plan.channels ?? channels).intersection(channels) }
        if let from = scope.dates?.from {
            let ms = Int64(from.daysSinceEpoch) * 86_400_000
            plan.since = max(plan.since ?? ms, ms)
        }
        if let through = scope.dates?.through {
            let ms = Int64(through.daysSinceEpoch + 1) * 86_400_000 - 1
            plan.until = min(plan.until ?? ms, ms)
        }
        if let q = scope.query { plan.phrases += QueryText.phrases(q) }
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
            "search cannot answer \(what) (column \(column)); see docs/search.md\n\(text)\n\(caret)")
    }
}

extension QueryExpression {
    /// Whether the expression holds only words and phrases (with AND, OR, NOT).
    var isText: Bool {
        switch self {
        case .term: true
        case .field: false
        case .and(let parts), .or(let parts): parts.allSatisfy(\.isText)
        case .not(let inner): inner.isText
        }
    }
}
