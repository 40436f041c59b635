import Foundation
import GRDB
import VellumCore
import VellumStore

extension SQLiteTransaction {
    func alerts(_ q: AlertQuery) throws -> [StoredAlert] {
        var clauses: [String] = []
        var args: StatementArguments = []
        if let statuses = q.statuses {
            clauses.append("status IN (\(statuses.map { _ in "?" }.joined(separator: ",")))")
            for s in statuses.map(\.rawValue).sorted() { _ = args.append(contentsOf: [s]) }
        }
        if let rule = q.rule {
            clauses.append("rule = ?")
            _ = args.append(contentsOf: [rule])
        }
        if let assignee = q.assignee {
            clauses.append("assignee = ?")
            _ = args.append(contentsOf: [assignee])
        }
        _ = args.append(contentsOf: [q.limit, q.offset])
        let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        return try Row.fetchAll(
            db, sql: "SELECT * FROM alerts \(filter) ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
            arguments: args
        ).map(Self.alert)
    }

    func alert(id: Int64) throws -> StoredAlert? {
        try Row.fetchOne(db, sql: "SELECT * FROM alerts WHERE id = ?", arguments: [id]).map(Self.alert)
    }

    static func alert(_ row: Row) -> StoredAlert {
        StoredAlert(
            id: row["id"], record: RecordID(row["record_id"]), rule: row["rule"], severity: row["severity"],
            status: StoredAlert.Status(rawValue: row["status"]) ?? .open, assignee: row["assignee"],
            createdAt: row["created_at"], updatedAt: row["updated_at"], scope: row["scope"], sealed: row["sealed"],
            ledgerIndex: UInt64(row["ledger_index"] as Int64))
    }

    func alertActions(alertID: Int64) throws -> [StoredAlertAction] {
        try Row.fetchAll(db, sql: "SELECT * FROM alert_actions WHERE alert_id = ? ORDER BY id", arguments: [alertID])
            .map { row in
                StoredAlertAction(
                    alertID: row["alert_id"], at: row["at"], actor: row["actor"], action: row["action"],
                    sealedNote: row["sealed_note"], ledgerIndex: UInt64(row["ledger_index"] as Int64))
            }
    }

    func alertCounts() throws -> [StoredAlert.Status: Int] {
        var out: [StoredAlert.Status: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT status, count(*) FROM alerts GROUP BY status") {
            if let status = StoredAlert.Status(rawValue: row[0]) { out[status] = row[1] }
        }
        return out
    }

    func addAlert(_ a: StoredAlert) throws -> Int64? {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO alerts(record_id, rule, severity, status, assignee, created_at, updated_at,
                    scope, sealed, ledger_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                a.record.rawValue, a.rule, a.severity, a.status.rawValue, a.assignee, a.createdAt, a.updatedAt, a.scope,
                a.sealed, Int64(a.ledgerIndex),
            ])
        return db.changesCount == 0 ? nil : db.lastInsertedRowID
    }

    func updateAlert(id: Int64, status: StoredAlert.Status, assignee: String?, at: Int64) throws {
        try db.execute(
            sql: "UPDATE alerts SET status = ?, assignee = ?, updated_at = ? WHERE id = ?",
            arguments: [status.rawValue, assignee, at, id])
        guard db.changesCount == 1 else { throw VellumError(.notFound, "no alert \(id)") }
    }

    func addAlertAction(_ a: StoredAlertAction) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM alerts WHERE id = ?", arguments: [a.alertID]) == true else {
            throw VellumError(.notFound, "no alert \(a.alertID)")
        }
        try db.execute(
            sql: "INSERT INTO alert_actions(alert_id, at, actor, action, sealed_note, ledger_index) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [a.alertID, a.at, a.actor, a.action, a.sealedNote, Int64(a.ledgerIndex)])
    }

    func usage(sinceDay: String?) throws -> [UsageCount] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM usage_days WHERE day >= ? ORDER BY day, hex(employee_key), channel
                """,
            arguments: [sinceDay ?? ""]
        ).compactMap { row in
            guard let channel = Channel(rawValue: row["channel"]) else { return nil }
            return UsageCount(
                employeeKey: row["employee_key"], channel: channel, day: row["day"], sent: row["sent"],
                received: row["received"], firstAt: row["first_at"], lastAt: row["last_at"])
        }
    }

    func addUsage(_ counts: [UsageCount]) throws {
        for c in counts {
            try DirectSQL.run(db, """
                INSERT INTO usage_days(employee_key, channel, day, sent, received, first_at, last_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(employee_key, channel, day) DO UPDATE SET
                    sent = sent + excluded.sent, received = received + excluded.received,
                    first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at)
                """, [.blob(c.employeeKey), .text(c.channel.rawValue), .text(c.day), .integer(Int64(c.sent)),
                      .integer(Int64(c.received)), .integer(c.firstAt), .integer(c.lastAt)])
        }
    }

    func captureAccounts() throws -> [CaptureAccount] {
        try Row.fetchAll(db, sql: "SELECT * FROM capture_accounts ORDER BY channel, hex(account_key)").compactMap { row in
            guard let channel = Channel(rawValue: row["channel"]) else { return nil }
            return CaptureAccount(
                channel: channel, accountKey: row["account_key"], sealedName: row["sealed_name"],
                firstAt: row["first_at"], lastAt: row["last_at"], messages: row["messages"])
        }
    }

    /// Every import batch touches each account it saw, so the upsert is bound directly (0027).
    func touchCaptureAccount(_ a: CaptureAccount) throws {
        try DirectSQL.run(db, """
            INSERT INTO capture_accounts(channel, account_key, sealed_name, first_at, last_at, messages)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(channel, account_key) DO UPDATE SET
                first_at = min(first_at, excluded.first_at), last_at = max(last_at, excluded.last_at),
                messages = messages + excluded.messages
            """, [.text(a.channel.rawValue), .blob(a.accountKey), .blob(a.sealedName), .integer(a.firstAt),
                  .integer(a.lastAt), .integer(Int64(a.messages))])
    }

    func orphanRevisions() throws -> [OrphanRevisionCount] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT channel, kind, count(*) FROM records r
                WHERE target_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM source_keys o WHERE o.source_key = r.target_key)
                    AND NOT EXISTS (SELECT 1 FROM removed_records d WHERE d.source_key = r.target_key)
                GROUP BY channel, kind ORDER BY channel, kind
                """
        ).compactMap { row in
            guard let channel = Channel(rawValue: row[0]), let kind = RecordKind(rawValue: row[1]) else { return nil }
            return OrphanRevisionCount(channel: channel, kind: kind, count: row[2])
        }
    }

    func noteRecipients(sender: Data, recipients: [Data], at: Int64, windowStart: Int64) throws -> (before: Int, after: Int) {
        let count = try db.cachedStatement(
            sql: "SELECT count(*) FROM retail_recipients WHERE sender_key = ? AND last_at >= ?")
        let before = try Int.fetchOne(count, arguments: [sender, windowStart]) ?? 0
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO retail_recipients(sender_key, recipient_key, last_at) VALUES (?, ?, ?)
            ON CONFLICT(sender_key, recipient_key) DO UPDATE SET last_at = max(last_at, excluded.last_at)
            """)
        for r in recipients { try upsert.execute(arguments: [sender, r, at]) }
        return (before, try Int.fetchOne(count, arguments: [sender, windowStart]) ?? 0)
    }
}
