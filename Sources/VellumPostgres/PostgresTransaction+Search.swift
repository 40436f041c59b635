import Foundation
import PostgresNIO
import VellumCore
import VellumStore

/// Search over the blind index: an ``IndexQuery`` becomes one `tsquery` over
/// `message_index.document` (GIN-indexed) plus filters on the record's keyed columns, every value
/// bound as a parameter.
///
/// Ranked by relevance, the matches are scored and counted in one pass over `message_index` alone
/// (a window count over the scored positions), the top of the list is cut there with the position
/// as tie-break, and only that page's records are read: the other matches are never joined with
/// `records` (docs/decisions/0019). Ordered by time, the page walks `records` by `sent_at` and the
/// total is a second statement.
extension PostgresTransaction {
    func search(_ q: IndexQuery) throws -> IndexResult {
        var s = PostgresStatement()
        var matchFilters: [String] = []
        var filters: [String] = []
        let positives = q.phrases.map { TokenMatch.phrase($0) } + (q.text.map { [$0] } ?? [])
        var match: String?
        if !positives.isEmpty {
            var query = positives.map(Self.tsquery).joined(separator: " & ")
            if let excluded = q.excludedText { query = "(\(query)) & !\(Self.tsquery(excluded))" }
            let p = try s.bind(query)
            match = "\(p)::tsquery"
            matchFilters.append("d.document @@ \(p)::tsquery")
        } else if let excluded = q.excludedText {
            matchFilters.append("NOT (d.document @@ \(try s.bind(Self.tsquery(excluded)))::tsquery)")
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
        // Restricted records are few: a hashed list of their positions, so the filter needs no join.
        let restricted = q.excludeRestricted
            ? ["position NOT IN (SELECT x2.position FROM restricted_records x JOIN records x2 ON x2.id = x.id)"]
            : []

        if let match, q.order == .relevance {
            return try ranked(
                match: match, matchFilters: matchFilters, filters: filters,
                restricted: restricted.map { "d." + $0 }, block: q.rankingBlock, limit: q.limit, offset: q.offset,
                statement: s)
        }
        let from = matchFilters.isEmpty ? "records r" : "records r JOIN message_index d ON d.position = r.position"
        let all = matchFilters + filters + restricted.map { "r." + $0 }
        let whereClause = all.isEmpty ? "" : " WHERE " + all.joined(separator: " AND ")
        let order =
            switch q.order {
            case .relevance, .timeAscending: "r.sent_at, r.ledger_index, r.position"
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

    /// Relevance order in blocks of `block` matches, newest block first (decision 0022): one scan
    /// of the matching documents numbers them by position and counts them (joined with `records`
    /// only when a filter needs a record column); `ts_rank` scores only the blocks the page falls
    /// in, and the page is their top after `offset` by block, rank, then position, shown by
    /// block, rank, then time, as SQLite does.
    private func ranked(
        match: String, matchFilters: [String], filters: [String], restricted: [String], block: Int, limit: Int,
        offset: Int, statement s: PostgresStatement
    ) throws -> IndexResult {
        let from = filters.isEmpty ? "message_index d" : "message_index d JOIN records r ON r.position = d.position"
        let whereClause = " WHERE " + (matchFilters + filters + restricted).joined(separator: " AND ")
        let size = max(1, block)
        let (firstBlock, lastBlock) = (offset / size, (offset + max(1, limit) - 1) / size)
        var page = s
        let sizeParameter = try page.bind(size)
        let firstParameter = try page.bind(firstBlock)
        let lastParameter = try page.bind(lastBlock)
        let limitParameter = try page.bind(limit)
        let offsetParameter = try page.bind(offset - firstBlock * size)
        // OFFSET 0 keeps the numbered rows a subquery of their own, so the windows run over
        // narrow (position) rows rather than carrying each document up to the sort.
        page.append(
            """
            SELECT b.position, b.block, ts_rank(m.document, \(match)) AS rank, b.total FROM (
                SELECT position, count(*) OVER () AS total,
                    (row_number() OVER (ORDER BY position DESC) - 1) / \(sizeParameter) AS block
                FROM (SELECT d.position FROM \(from)\(whereClause) OFFSET 0) s) b
            JOIN message_index m ON m.position = b.position
            WHERE b.block BETWEEN \(firstParameter) AND \(lastParameter)
            ORDER BY b.block, rank DESC, b.position LIMIT \(limitParameter) OFFSET \(offsetParameter)
            """)
        let top = try rows(page.query, as: (Int64, Int64, Float, Int).self)
        let total: Int
        if let first = top.first {
            total = first.3
        } else {
            var count = s
            count.append("SELECT count(*) FROM \(from)\(whereClause)")
            total = try value(count.query, as: Int.self) ?? 0
        }
        guard !top.isEmpty else { return IndexResult(total: total, hits: []) }
        let order = Dictionary(uniqueKeysWithValues: top.map { ($0.0, (block: $0.1, rank: $0.2)) })
        let hits = try fetchRecords(
            "SELECT \(unescaped: Self.recordColumns) FROM records r WHERE r.position = ANY(\(top.map(\.0)))")
            .sorted {
                let (a, b) = (order[$0.position] ?? (0, 0), order[$1.position] ?? (0, 0))
                if a.block != b.block { return a.block < b.block }
                if a.rank != b.rank { return a.rank > b.rank }
                if $0.record.sentAt != $1.record.sentAt { return $0.record.sentAt < $1.record.sentAt }
                return $0.position < $1.position
            }
        return IndexResult(total: total, hits: hits.map(\.record))
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
