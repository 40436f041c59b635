import Foundation
import PostgresNIO
import VellumCore
import VellumStore

/// Alerts and their actions, usage counts, capture accounts and retail recipients.
extension PostgresTransaction {
    static let alertColumns =
        "id, record_id, rule, severity, status, assignee, created_at, updated_at, scope, sealed, ledger_index"
    typealias AlertRow = (Int64, String, String, String, String, String?, Int64, Int64, Data, Data, Int64)

    func alerts(_ q: AlertQuery) throws -> [StoredAlert] {
        var s = PostgresStatement("SELECT \(Self.alertColumns) FROM alerts WHERE true")
        if let statuses = q.statuses {
            s.append(" AND status = ANY(\(try s.bind(statuses.map(\.rawValue).sorted())))")
        }
        if let rule = q.rule { s.append(" AND rule = \(try s.bind(rule))") }
        if let assignee = q.assignee { s.append(" AND assignee = \(try s.bind(assignee))") }
        s.append(" ORDER BY created_at DESC, id DESC LIMIT \(try s.bind(q.limit)) OFFSET \(try s.bind(q.offset))")
        return try rows(s.query, as: AlertRow.self).map(Self.alert)
    }

    func alert(id: Int64) throws -> StoredAlert? {
        try row("SELECT \(unescaped: Self.alertColumns) FROM alerts WHERE id = \(id)", as: AlertRow.self).map(Self.alert)
    }

    static func alert(_ r: AlertRow) -> StoredAlert {
        StoredAlert(
            id: r.0, record: RecordID(r.1), rule: r.2, severity: r.3, status: StoredAlert.Status(rawValue: r.4) ?? .open,
            assignee: r.5, createdAt: r.6, updatedAt: r.7, scope: r.8, sealed: r.9, ledgerIndex: UInt64(r.10))
    }

    func alertActions(alertID: Int64) throws -> [StoredAlertAction] {
        try rows(
            """
            SELECT alert_id, at, actor, action, sealed_note, ledger_index FROM alert_actions
            WHERE alert_id = \(alertID) ORDER BY id
            """, as: (Int64, Int64, String, String, Data?, Int64).self
        ).map {
            StoredAlertAction(alertID: $0, at: $1, actor: $2, action: $3, sealedNote: $4, ledgerIndex: UInt64($5))
        }
    }

    func alertCounts() throws -> [StoredAlert.Status: Int] {
        var out: [StoredAlert.Status: Int] = [:]
        for (status, count) in try rows("SELECT status, count(*) FROM alerts GROUP BY status", as: (String, Int).self) {
            if let s = StoredAlert.Status(rawValue: status) { out[s] = count }
        }
        return out
    }

    func addAlert(_ a: StoredAlert) throws -> Int64? {
        try value(
            """
            INSERT INTO alerts(record_id, rule, severity, status, assignee, created_at, updated_at, scope, sealed, ledger_index)
            VALUES (\(a.record.rawValue), \(a.rule), \(a.severity), \(a.status.rawValue), \(a.assignee), \(a.createdAt),
                \(a.updatedAt), \(a.scope), \(a.sealed), \(Int64(a.ledgerIndex)))
            ON CONFLICT (record_id, rule) DO NOTHING
            RETURNING id
            """, as: Int64.self)
    }

    func updateAlert(id: Int64, status: StoredAlert.Status, assignee: String?, at: Int64) throws {
        let changed = try execute(
            "UPDATE alerts SET status = \(status.rawValue), assignee = \(assignee), updated_at = \(at) WHERE id = \(id)")
        guard changed == 1 else { throw VellumError(.notFound, "no alert \(id)") }
    }

    /// Inserts only when the alert exists, so an unknown alert is `notFound` and the transaction stays usable.
    func addAlertAction(_ a: StoredAlertAction) throws {
        let changed = try execute(
            """
            INSERT INTO alert_actions(alert_id, at, actor, action, sealed_note, ledger_index)
            SELECT id, \(a.at), \(a.actor), \(a.action), \(a.sealedNote)::bytea, \(Int64(a.ledgerIndex))
            FROM alerts WHERE id = \(a.alertID)
            """)
        guard changed == 1 else { throw VellumError(.notFound, "no alert \(a.alertID)") }
    }

    func usage(sinceDay: String?) throws -> [UsageCount] {
        try rows(
            """
            SELECT employee_key, channel, day, sent, received, first_at, last_at FROM usage_days
            WHERE day >= \(sinceDay ?? "") ORDER BY day, employee_key, channel
            """, as: (Data, String, String, Int, Int, Int64, Int64).self
        ).compactMap { row in
            guard let channel = Channel(rawValue: row.1) else { return nil }
            return UsageCount(
                employeeKey: row.0, channel: channel, day: row.2, sent: row.3, received: row.4, firstAt: row.5,
                lastAt: row.6)
        }
    }

    func addUsage(_ counts: [UsageCount]) throws {
        for c in counts {
            try execute(
                """
                INSERT INTO usage_days(employee_key, channel, day, sent, received, first_at, last_at)
                VALUES (\(c.employeeKey), \(c.channel.rawValue), \(c.day), \(c.sent), \(c.received), \(c.firstAt),
                    \(c.lastAt))
                ON CONFLICT (employee_key, channel, day) DO UPDATE SET
                    sent = usage_days.sent + excluded.sent, received = usage_days.received + excluded.received,
                    first_at = least(usage_days.first_at, excluded.first_at),
                    last_at = greatest(usage_days.last_at, excluded.last_at)
                """)
        }
    }

    func captureAccounts() throws -> [CaptureAccount] {
        try rows(
            """
            SELECT channel, account_key, sealed_name, first_at, last_at, messages FROM capture_accounts
            ORDER BY channel, account_key
            """, as: (String, Data, Data, Int64, Int64, Int).self
        ).compactMap { row in
            guard let channel = Channel(rawValue: row.0) else { return nil }
            return CaptureAccount(
                channel: channel, accountKey: row.1, sealedName: row.2, firstAt: row.3, lastAt: row.4, messages: row.5)
        }
    }

    func touchCaptureAccount(_ a: CaptureAccount) throws {
        try execute(
            """
            INSERT INTO capture_accounts(channel, account_key, sealed_name, first_at, last_at, messages)
            VALUES (\(a.channel.rawValue), \(a.accountKey), \(a.sealedName), \(a.firstAt), \(a.lastAt), \(a.messages))
            ON CONFLICT (channel, account_key) DO UPDATE SET
                first_at = least(capture_accounts.first_at, excluded.first_at),
                last_at = greatest(capture_accounts.last_at, excluded.last_at),
                messages = capture_accounts.messages + excluded.messages
            """)
    }

    func orphanRevisions() throws -> [OrphanRevisionCount] {
        try rows(
            """
            SELECT channel, kind, count(*) FROM records r
            WHERE target_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM records o WHERE o.source_key = r.target_key)
                AND NOT EXISTS (SELECT 1 FROM removed_records d WHERE d.source_key = r.target_key)
            GROUP BY channel, kind ORDER BY channel, kind
            """, as: (String, String, Int).self
        ).compactMap { row in
            guard let channel = Channel(rawValue: row.0), let kind = RecordKind(rawValue: row.1) else { return nil }
            return OrphanRevisionCount(channel: channel, kind: kind, count: row.2)
        }
    }

    func noteRecipients(sender: Data, recipients: [Data], at: Int64, windowStart: Int64) throws -> (
        before: Int, after: Int
    ) {
        let count: PostgresQuery =
            try "SELECT count(*) FROM retail_recipients WHERE sender_key = \(sender) AND last_at >= \(windowStart)"
        let before = try value(count, as: Int.self) ?? 0
        try execute(
            """
            INSERT INTO retail_recipients(sender_key, recipient_key, last_at)
            SELECT DISTINCT \(sender)::bytea, k, \(at)::bigint FROM unnest(\(PostgresKeys.array(recipients))::bytea[]) AS k
            ON CONFLICT (sender_key, recipient_key) DO UPDATE SET
                last_at = greatest(retail_recipients.last_at, excluded.last_at)
            """)
        return (before, try value(count, as: Int.self) ?? 0)
    }
}
