import Foundation
import PostgresNIO
import VellumCore
import VellumStore

/// Quarantined input and the employee directory.
extension PostgresTransaction {
    static let quarantineColumns =
        "id, received_at, format, reason, raw_key, sealed, status, ledger_index, resolved_record"

    typealias QuarantineRow = (Int64, Int64, String, String, Data, Data, String, Int64, String?)

    func quarantineItems() throws -> [QuarantineItem] {
        try rows("SELECT \(unescaped: Self.quarantineColumns) FROM quarantine ORDER BY id", as: QuarantineRow.self)
            .map(Self.quarantine)
    }

    func quarantineItem(rawKey: Data) throws -> QuarantineItem? {
        try row(
            "SELECT \(unescaped: Self.quarantineColumns) FROM quarantine WHERE raw_key = \(rawKey)", as: QuarantineRow.self
        ).map(Self.quarantine)
    }

    static func quarantine(_ r: QuarantineRow) -> QuarantineItem {
        QuarantineItem(
            id: r.0, receivedAt: r.1, format: r.2, reason: r.3, rawKey: r.4, sealed: r.5,
            status: QuarantineItem.Status(rawValue: r.6) ?? .open, ledgerIndex: UInt64(r.7),
            resolvedRecord: r.8.map(RecordID.init))
    }

    func addQuarantine(_ q: QuarantineItem) throws -> Int64 {
        let id = try value(
            """
            INSERT INTO quarantine(received_at, format, reason, raw_key, sealed, status, ledger_index, resolved_record)
            VALUES (\(q.receivedAt), \(q.format), \(q.reason), \(q.rawKey), \(q.sealed), \(q.status.rawValue),
                \(Int64(q.ledgerIndex)), \(q.resolvedRecord?.rawValue))
            ON CONFLICT (raw_key) DO NOTHING
            RETURNING id
            """, as: Int64.self)
        guard let id else { throw VellumError(.alreadyExists, "the quarantine already holds this input") }
        return id
    }

    func resolveQuarantine(id: Int64, record: RecordID?) throws {
        let changed = try execute(
            "UPDATE quarantine SET status = 'resolved', resolved_record = \(record?.rawValue) WHERE id = \(id)")
        guard changed == 1 else { throw VellumError(.notFound, "no quarantine item \(id)") }
    }

    // MARK: directory

    func employee(identifierKey: Data) throws -> StoredEmployee? {
        guard
            let key = try value(
                "SELECT employee_key FROM employee_identifiers WHERE identifier_key = \(identifierKey)", as: Data.self)
        else { return nil }
        return try storedEmployee(key: key)
    }

    func storedEmployee(key: Data) throws -> StoredEmployee? {
        guard let sealed = try value("SELECT sealed FROM employees WHERE key = \(key)", as: Data.self) else { return nil }
        let ids = try rows(
            "SELECT identifier_key FROM employee_identifiers WHERE employee_key = \(key) ORDER BY identifier_key",
            as: Data.self)
        return StoredEmployee(key: key, sealed: sealed, identifierKeys: ids)
    }

    func employees() throws -> [StoredEmployee] {
        try rows("SELECT key FROM employees ORDER BY key", as: Data.self).compactMap { try storedEmployee(key: $0) }
    }

    /// Replaces the entry and its identifiers; an identifier another employee had moves to this one.
    func upsertEmployee(_ e: StoredEmployee) throws {
        let ids = PostgresKeys.array(e.identifierKeys)
        try execute(
            """
            WITH e AS (
                INSERT INTO employees(key, sealed) VALUES (\(e.key), \(e.sealed))
                ON CONFLICT (key) DO UPDATE SET sealed = excluded.sealed)
            DELETE FROM employee_identifiers WHERE employee_key = \(e.key)
            """)
        try execute(
            """
            INSERT INTO employee_identifiers(identifier_key, employee_key)
            SELECT DISTINCT k, \(e.key)::bytea FROM unnest(\(ids)::bytea[]) AS k
            ON CONFLICT (identifier_key) DO UPDATE SET employee_key = excluded.employee_key
            """)
    }
}
