import Foundation
import GRDB
import VellumCore
import VellumStore

/// Removal (disposition and erasure) and restriction of records.
extension SQLiteTransaction {
    func remove(_ removal: RecordRemoval) throws {
        guard let position = try position(of: removal.id)
        else { throw VellumError(.notFound, "no record \(removal.id) to remove") }
        if let tokens = try String.fetchOne(
            db.cachedStatement(sql: "SELECT tokens FROM index_docs WHERE position = ?"), arguments: [position]) {
            // External-content FTS5 forgets a document only when told its exact tokens.
            try db.cachedStatement(sql: "INSERT INTO message_index(message_index, rowid, tokens) VALUES('delete', ?, ?)")
                .execute(arguments: [position, tokens])
            try db.cachedStatement(sql: "DELETE FROM index_docs WHERE position = ?").execute(arguments: [position])
        }
        // External-content FTS5 again: the facets leave the index with the exact document they had.
        try db.cachedStatement(sql: """
            INSERT INTO record_facets(record_facets, rowid, facets) SELECT 'delete', position, facets FROM records WHERE position = ?
            """).execute(arguments: [position])
        try unindexSourceKey(position: position)
        try db.cachedStatement(sql: "DELETE FROM records WHERE position = ?").execute(arguments: [position])
        // The review trail stays (who reviewed what, when); what the alert said about the content goes.
        try db.cachedStatement(sql: "UPDATE alerts SET sealed = x'' WHERE record_id = ?")
            .execute(arguments: [removal.id.rawValue])
        try db.cachedStatement(sql: "DELETE FROM restricted_records WHERE id = ?").execute(arguments: [removal.id.rawValue])
        try db.cachedStatement(sql: """
            INSERT INTO removed_records(source_key, id, commitment, capture_index, ledger_index, reason, at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                removal.sourceKey, removal.id.rawValue, removal.commitment, Int64(removal.captureIndex),
                Int64(removal.ledgerIndex), removal.reason.rawValue, removal.at,
            ])
    }

    func removals(after ledgerIndex: Int64, limit: Int) throws -> [RecordRemoval] {
        try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT source_key, id, commitment, capture_index, ledger_index, reason, at FROM removed_records
                WHERE ledger_index > ? ORDER BY ledger_index LIMIT ?
                """), arguments: [ledgerIndex, limit]
        ).map(decodeRemoval)
    }

    func removal(id: RecordID) throws -> RecordRemoval? {
        try Row.fetchOne(
            db.cachedStatement(sql: """
                SELECT source_key, id, commitment, capture_index, ledger_index, reason, at FROM removed_records WHERE id = ?
                """), arguments: [id.rawValue]
        ).map(decodeRemoval)
    }

    func decodeRemoval(_ row: Row) throws -> RecordRemoval {
        let reason: String = row[5]
        guard let r = RecordRemoval.Reason(rawValue: reason) else {
            throw VellumError(.integrity, "a removal has an unknown reason \(reason)")
        }
        return RecordRemoval(
            id: RecordID(row[1]), sourceKey: row[0], commitment: row[2], captureIndex: UInt64(row[3] as Int64),
            ledgerIndex: UInt64(row[4] as Int64), reason: r, at: row[6])
    }

    func restrictions() throws -> [RecordRestriction] {
        try Row.fetchAll(db, sql: "SELECT id, request, since FROM restricted_records ORDER BY since, id").map {
            RecordRestriction(id: RecordID($0[0]), request: $0[1], since: $0[2])
        }
    }

    func restriction(of id: RecordID) throws -> RecordRestriction? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, request, since FROM restricted_records WHERE id = ?"),
            arguments: [id.rawValue]
        ).map { RecordRestriction(id: RecordID($0[0]), request: $0[1], since: $0[2]) }
    }

    func restrict(_ r: RecordRestriction) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO restricted_records(id, request, since) VALUES (?, ?, ?)")
            .execute(arguments: [r.id.rawValue, r.request, r.since])
    }

    func unrestrict(_ id: RecordID) throws {
        try db.cachedStatement(sql: "DELETE FROM restricted_records WHERE id = ?").execute(arguments: [id.rawValue])
    }
}
