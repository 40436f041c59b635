import Foundation
import GRDB
import VellumCore
import VellumStore

extension SQLiteTransaction {
    /// The full-text rows of records not restricted, for a word search's own top-N ranking: the
    /// restricted ids (few) are looked up one by one through the source-key tiers. A join with
    /// the tiers' view would scan it, as SQLite does not push a join's condition into a UNION ALL.
    static let unrestrictedSQL = """
        rowid NOT IN (SELECT p FROM (SELECT (SELECT r2.position FROM records r2 WHERE r2.id = x.id AND r2.position IN \
        (SELECT position FROM source_keys WHERE source_key BETWEEN record_key_floor(x.id) AND record_key_ceiling(x.id))) \
        AS p FROM restricted_records x) WHERE p IS NOT NULL)
        """

    /// Translates an ``IndexQuery`` into one FTS5 statement (or a plain one without phrases).
    ///
    /// Keyed tokens are lowercase base32, so quoting them as FTS5 strings is always safe.
    func search(_ q: IndexQuery) throws -> IndexResult {
        var filters: [String] = []
        var args: [any DatabaseValueConvertible] = []
        let positives = q.phrases.map { Self.fts(.phrase($0)) } + (q.text.map { [Self.fts($0)] } ?? [])
        let fts = !positives.isEmpty
        if fts {
            filters.append("message_index MATCH ?")
            args.append(positives.joined(separator: " AND ") + (q.excludedText.map { " NOT " + Self.fts($0) } ?? ""))
        } else if let excluded = q.excludedText {
            filters.append("r.position NOT IN (SELECT rowid FROM message_index WHERE message_index MATCH ?)")
            args.append(Self.fts(excluded))
        }
        /// Records with any of `keys` among their facets of `kind` (decision 0026).
        func facet(_ kind: RecordFacets.Kind, _ keys: [Data]) {
            filters.append("r.position IN (SELECT rowid FROM record_facets WHERE record_facets MATCH ?)")
            args.append(RecordFacets.match(kind, keys))
        }
        for group in q.tagGroups where !group.isEmpty { facet(.tag, group) }
        for kind in q.revisedBy {
            filters.append("EXISTS (SELECT 1 FROM records e WHERE e.target_key = r.source_key AND e.kind = ?)")
            args.append(kind.rawValue)
        }
        if let statuses = q.alertStatuses {
            if statuses.isEmpty {
                filters.append("r.id IN (SELECT record_id FROM alerts)")
            } else {
                let marks = Array(repeating: "?", count: statuses.count).joined(separator: ",")
                filters.append("r.id IN (SELECT record_id FROM alerts WHERE status IN (\(marks)))")
                args.append(contentsOf: statuses.map(\.rawValue))
            }
        }
        if !q.channels.isEmpty {
            filters.append("r.channel IN (\(Array(repeating: "?", count: q.channels.count).joined(separator: ",")))")
            args.append(contentsOf: q.channels.map(\.rawValue))
        }
        if !q.conversationKeys.isEmpty { facet(.conversation, q.conversationKeys) }
        if let s = q.since {
            filters.append("r.sent_at >= ?")
            args.append(s)
        }
        if let u = q.until {
            filters.append("r.sent_at <= ?")
            args.append(u)
        }
        if !q.participantKeys.isEmpty { facet(.participant, q.participantKeys) }
        for group in q.participantGroups where !group.isEmpty { facet(.participant, group) }
        if !q.senderKeys.isEmpty {
            filters.append("r.sender_key IN (\(Array(repeating: "?", count: q.senderKeys.count).joined(separator: ",")))")
            args.append(contentsOf: q.senderKeys)
        }
        if !q.recipientKeys.isEmpty {
            facet(.participant, q.recipientKeys)
            let marks = Array(repeating: "?", count: q.recipientKeys.count).joined(separator: ",")
            filters.append("r.sender_key NOT IN (\(marks))")
            args.append(contentsOf: q.recipientKeys)
        }
        // Records restricted after an erasure request are rare: when there are none, the filter is
        // left out, so a plain word search keeps FTS5's own top-N ranking (below) instead of
        // ranking every match through the join.
        let restricted = try q.excludeRestricted
            && (Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS(SELECT 1 FROM restricted_records)")) ?? false)
        let wordsOnly = fts && filters.count == 1
        let unrestricted = Self.unrestrictedSQL
        if restricted {
            filters.append("r.id NOT IN (SELECT id FROM restricted_records)")
        }
        let from = fts ? "message_index m JOIN records r ON r.position = m.rowid" : "records r"
        let whereClause = filters.isEmpty ? "" : "WHERE " + filters.joined(separator: " AND ")
        let order: String
        switch q.order {
        case .relevance: order = fts ? "m.rank, r.sent_at" : "r.sent_at"
        case .timeAscending: order = "r.sent_at, r.ledger_index"
        case .timeDescending: order = "r.sent_at DESC, r.ledger_index DESC"
        }
        let columns = Self.readColumns.split(separator: ",").map { "r." + $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: ", ")
        // The count and the page are two statements: one window count over the join would make
        // SQLite rank every match. With words alone and relevance order, FTS5 ranks inside its
        // own table, where `ORDER BY rank LIMIT` keeps only the top of the list.
        let ftsWhere = "message_index MATCH ?" + (restricted ? " AND " + unrestricted : "")
        let countSQL = wordsOnly
            ? "SELECT count(*) FROM message_index WHERE \(ftsWhere)"
            : "SELECT count(*) FROM \(from) \(whereClause)"
        let total = try Int.fetchOne(db.cachedStatement(sql: countSQL), arguments: StatementArguments(args)) ?? 0
        if fts && q.order == .relevance {
            // With words alone FTS5 ranks inside its own table; with filters, through the join.
            let ranked = wordsOnly
                ? Ranked(
                    rowid: "rowid", newest: "SELECT rowid FROM message_index WHERE \(ftsWhere)",
                    page: { range in """
                        SELECT \(columns) FROM (SELECT rowid, rank FROM message_index WHERE \(ftsWhere)\(range)
                            ORDER BY rank LIMIT ? OFFSET ?) m JOIN records r ON r.position = m.rowid ORDER BY m.rank, r.sent_at
                        """ })
                : Ranked(
                    rowid: "m.rowid", newest: "SELECT m.rowid FROM \(from) \(whereClause)",
                    page: { range in "SELECT \(columns) FROM \(from) \(whereClause)\(range) ORDER BY \(order) LIMIT ? OFFSET ?" })
            let rows = try rankedPage(ranked, args, total: total, block: q.rankingBlock, limit: q.limit, offset: q.offset)
            return IndexResult(total: total, hits: try rows.map { try decodeRecord($0, offset: 0) })
        }
        let pageSQL = "SELECT \(columns) FROM \(from) \(whereClause) ORDER BY \(order) LIMIT ? OFFSET ?"
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: pageSQL), arguments: StatementArguments(args + [q.limit, q.offset]))
        return IndexResult(total: total, hits: try rows.map { try decodeRecord($0, offset: 0) })
    }

    /// The statements of a relevance search: its matches (as `rowid`s) and a page of them, given
    /// a range condition on the rowid to add to its WHERE clause.
    struct Ranked {
        /// How the statements name the match's rowid.
        var rowid: String
        var newest: String
        var page: (String) -> String
    }

    /// A page of matches in relevance order.
    ///
    /// bm25 costs a few microseconds a match (each needs its document's length), so a word in
    /// 70,000 of 1,000,000 messages took 130 ms to rank. Matches are therefore ranked in blocks
    /// (``IndexQuery/rankingBlock``): the newest block first, each block ordered by bm25 (scored
    /// against the whole archive, so a score means what it always did), then the next older
    /// block. Every match is in exactly one block, so pages are stable and the total is exact; a
    /// search with fewer matches than a block ranks them all, as before (decision 0022).
    func rankedPage(
        _ ranked: Ranked, _ args: [any DatabaseValueConvertible], total: Int, block size: Int, limit: Int, offset: Int
    ) throws -> [Row] {
        func page(_ bounds: (newest: Int64, oldest: Int64?)?, limit: Int, offset: Int) throws -> [Row] {
            let column = ranked.rowid
            let range = bounds.map { " AND \(column) <= ?" + ($0.oldest == nil ? "" : " AND \(column) >= ?") } ?? ""
            let rangeArgs: [any DatabaseValueConvertible] = bounds.map { [$0.newest] + ($0.oldest.map { [$0] } ?? []) } ?? []
            return try Row.fetchAll(
                db.cachedStatement(sql: ranked.page(range)), arguments: StatementArguments(args + rangeArgs + [limit, offset]))
        }
        let size = max(1, size)
        guard total > size else { return try page(nil, limit: limit, offset: offset) }
        /// The rowid of the match with `n` newer matches than it.
        func newest(after n: Int) throws -> Int64? {
            try Int64.fetchOne(
                db.cachedStatement(sql: ranked.newest + " ORDER BY \(ranked.rowid) DESC LIMIT 1 OFFSET ?"),
                arguments: StatementArguments(args + [n]))
        }
        var rows: [Row] = []
        var at = offset
        while rows.count < limit, at < total {
            let block = at / size
            let within = at % size
            guard let first = try newest(after: block * size) else { break }
            let last = try newest(after: (block + 1) * size - 1)
            let take = min(limit - rows.count, size - within)
            let got = try page((first, last), limit: take, offset: within)
            rows += got
            if got.count < take { break }
            at += take
        }
        return rows
    }

    /// An FTS5 query expression: keyed tokens are lowercase base32, so quoting them is always safe.
    static func fts(_ m: TokenMatch) -> String {
        switch m {
        case .phrase(let tokens): "\"" + tokens.joined(separator: " ") + "\""
        case .all(let parts): "(" + parts.map(fts).joined(separator: " AND ") + ")"
        case .any(let parts): "(" + parts.map(fts).joined(separator: " OR ") + ")"
        case .but(let a, let b): "(" + fts(a) + " NOT " + fts(b) + ")"
        }
    }
}
