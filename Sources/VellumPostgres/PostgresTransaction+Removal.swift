import Foundation
import PostgresNIO
import VellumCore
import VellumStore

/// Removal (disposition and erasure) and restriction of records.
extension PostgresTransaction {
    /// Deletes the record, its participants, tags and index row, empties its alerts' sealed
    /// content (the review trail stays), lifts its restriction and keeps `removal` in its place.
    func remove(_ removal: RecordRemoval) throws {
        guard
            let position = try value(
                "SELECT position FROM records WHERE id = \(removal.id.rawValue) FOR UPDATE", as: Int64.self)
        else { throw VellumError(.notFound, "no record \(removal.id) to remove") }
        try execute(
            """
            WITH d AS (DELETE FROM index_docs WHERE position = \(position)),
            m AS (DELETE FROM message_index WHERE position = \(position)),
            p AS (DELETE FROM record_participants WHERE position = \(position)),
            t AS (DELETE FROM record_tags WHERE position = \(position)),
            r AS (DELETE FROM records WHERE position = \(position)),
            a AS (UPDATE alerts SET sealed = ''::bytea WHERE record_id = \(removal.id.rawValue)),
            x AS (DELETE FROM restricted_records WHERE id = \(removal.id.rawValue))
            INSERT INTO removed_records(source_key, id, commitment, capture_index, ledger_index, reason, at)
            VALUES (\(removal.sourceKey), \(removal.id.rawValue), \(removal.commitment), \(Int64(removal.captureIndex)),
                \(Int64(removal.ledgerIndex)), \(removal.reason.rawValue), \(removal.at))
            """)
    }

    static let removalColumns = "source_key, id, commitment, capture_index, ledger_index, reason, at"
    typealias RemovalRow = (Data, String, Data, Int64, Int64, String, Int64)

    func removals(after ledgerIndex: Int64, limit: Int) throws -> [RecordRemoval] {
        try rows(
            """
            SELECT \(unescaped: Self.removalColumns) FROM removed_records
            WHERE ledger_index > \(ledgerIndex) ORDER BY ledger_index LIMIT \(limit)
            """, as: RemovalRow.self
        ).map(Self.removal)
    }

    func removal(id: RecordID) throws -> RecordRemoval? {
        try row(
            "SELECT \(unescaped: Self.removalColumns) FROM removed_records WHERE id = \(id.rawValue)", as: RemovalRow.self
        ).map(Self.removal)
    }

    static func removal(_ r: RemovalRow) throws -> RecordRemoval {
        guard let reason = RecordRemoval.Reason(rawValue: r.5) else {
            throw VellumError(.integrity, "a removal has an unknown reason \(r.5)")
        }
        return RecordRemoval(
            id: RecordID(r.1), sourceKey: r.0, commitment: r.2, captureIndex: UInt64(r.3), ledgerIndex: UInt64(r.4),
            reason: reason, at: r.6)
    }

    func restrictions() throws -> [RecordRestriction] {
        try rows("SELECT id, request, since FROM restricted_records ORDER BY since, id", as: (String, String, Int64).self)
            .map { RecordRestriction(id: RecordID($0), request: $1, since: $2) }
    }

    func restriction(of id: RecordID) throws -> RecordRestriction? {
        try row(
            "SELECT id, request, since FROM restricted_records WHERE id = \(id.rawValue)", as: (String, String, Int64).self
        ).map { RecordRestriction(id: RecordID($0), request: $1, since: $2) }
    }

    func restrict(_ r: RecordRestriction) throws {
        try execute(
            """
            INSERT INTO restricted_records(id, request, since) VALUES (\(r.id.rawValue), \(r.request), \(r.since))
            ON CONFLICT (id) DO NOTHING
            """)
    }

    func unrestrict(_ id: RecordID) throws {
        try execute("DELETE FROM restricted_records WHERE id = \(id.rawValue)")
    }
}
