import Foundation
import PostgresNIO
import VellumCore
import VellumStore

/// Search over the blind index: an ``IndexQuery`` becomes one `tsquery` over `index_docs.document`
/// (GIN-indexed) plus filters on the record's keyed columns, every value bound as a parameter.
extension PostgresTransaction {
    func search(_ q: IndexQuery) throws -> IndexResult {
        var s = PostgresStatement()
        var filters: [String] = []
        let positives = q.phrases.map { TokenMatch.phrase($0) } + (q.text.map { [$0] } ?? [])
        var rank: String?
        var joinsIndex = false
        if !positives.isEmpty {
            var match = positives.map(Self.tsquery).joined(separator: " & ")
            if let excluded = q.excludedText { match = "(\(match)) & !\(Self.tsquery(excluded))" }
            let p = try s.bind(match)
            filters.append("d.document @@ \(p)::tsquery")
            rank = "ts_rank(d.document, \(p)::tsquery)"
            joinsIndex = true
        } else if let excluded = q.excludedText {
            filters.append("NOT (d.document @@ \(try s.bind(Self.tsquery(excluded)))::tsquery)")
            joinsIndex = true
        }
        for group in q.tagGroups where !group.isEmpty {
            filters.append(
                "EXISTS (SELECT 1 FROM record_tags g WHERE g.position = r.position AND g.tag_key = ANY(\(try s.bind(keys: group))))")
        }
        for kind in q.revisedBy {
            filters.append(
                "EXISTS (SELECT 1 FROM records e WHERE e.target_key = r.source_key AND e.kind = \(try s.bind(kind.rawValue)))")
        }
        if let statuses = q.alertStatuses {
            filters.append(
                statuses.isEmpty
                    ? "EXISTS (SELECT 1 FROM alerts a WHERE a.record_id = r.id)"
                    : "EXISTS (SELECT 1 FROM alerts a WHERE a.record_id = r.id AND a.status = ANY(\(try s.bind(statuses.map(\.rawValue)))))")
        }
        if !q.channels.isEmpty { filters.append("r.channel = ANY(\(try s.bind(q.channels.map(\.rawValue))))") }
        if !q.conversationKeys.isEmpty {
            filters.append("r.conversation_key = ANY(\(try s.bind(keys: q.conversationKeys)))")
        }
        if let since = q.since { filters.append("r.sent_at >= \(try s.bind(since))") }
        if let until = q.until { filters.append("r.sent_at <= \(try s.bind(until))") }
        for group in [q.participantKeys] + q.participantGroups where !group.isEmpty {
            filters.append(try Self.participant(in: group, &s))
        }
        if !q.senderKeys.isEmpty { filters.append("r.sender_key = ANY(\(try s.bind(keys: q.senderKeys)))") }
        if !q.recipientKeys.isEmpty {
            let p = try s.bind(keys: q.recipientKeys)
            filters.append(
                "EXISTS (SELECT 1 FROM record_participants p WHERE p.position = r.position AND p.party_key = ANY(\(p)))")
            filters.append("NOT (r.sender_key = ANY(\(p)))")
        }
        if q.excludeRestricted {
            filters.append("NOT EXISTS (SELECT 1 FROM restricted_records x WHERE x.id = r.id)")
        }
        let from = joinsIndex ? "records r JOIN index_docs d ON d.position = r.position" : "records r"
        let whereClause = filters.isEmpty ? "" : " WHERE " + filters.joined(separator: " AND ")
        let order =
            switch q.order {
            case .relevance: rank.map { "\($0) DESC, r.sent_at, r.position" } ?? "r.sent_at, r.position"
            case .timeAscending: "r.sent_at, r.ledger_index, r.position"
            case .timeDescending: "r.sent_at DESC, r.ledger_index DESC, r.position DESC"
            }

        var count = s
        count.append("SELECT count(*) FROM \(from)\(whereClause)")
        let total = try value(count.query, as: Int.self) ?? 0

        var page = s
        let limit = try page.bind(q.limit)
        let offset = try page.bind(q.offset)
        page.append(
            "SELECT \(Self.recordColumns) FROM \(from)\(whereClause) ORDER BY \(order) LIMIT \(limit) OFFSET \(offset)")
        let hits = try rows(page.query, as: RecordRow.self).map { try Self.decodeRecord($0).record }
        return IndexResult(total: total, hits: hits)
    }

    static func participant(in keys: [Data], _ s: inout PostgresStatement) throws -> String {
        "EXISTS (SELECT 1 FROM record_participants p WHERE p.position = r.position AND p.party_key = ANY(\(try s.bind(keys: keys))))"
    }

    /// A `tsquery` in its text form: each keyed token a quoted lexeme (quotes and backslashes
    /// doubled), phrases joined by `<->`, so it matches exactly the lexemes `keyed_tokens_tsvector`
    /// stored. It is bound as a parameter and cast; nothing here is SQL.
    static func tsquery(_ m: TokenMatch) -> String {
        switch m {
        case .phrase(let tokens):
            let lexemes = tokens.filter { !$0.isEmpty }.map(lexeme)
            return lexemes.isEmpty ? never : "(" + lexemes.joined(separator: " <-> ") + ")"
        case .all(let parts):
            return parts.isEmpty ? "!" + never : "(" + parts.map(tsquery).joined(separator: " & ") + ")"
        case .any(let parts):
            return parts.isEmpty ? never : "(" + parts.map(tsquery).joined(separator: " | ") + ")"
        case .but(let a, let b):
            return "(" + tsquery(a) + " & !" + tsquery(b) + ")"
        }
    }

    /// A lexeme no document holds (tokens are split on spaces), for a phrase with no tokens.
    static let never = "' '"

    static func lexeme(_ token: String) -> String {
        "'" + token.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }
}
