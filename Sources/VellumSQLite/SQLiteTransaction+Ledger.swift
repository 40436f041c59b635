import Foundation
import GRDB
import VellumCore
import VellumCrypto
import VellumStore

extension SQLiteTransaction {
    func ledgerSize() throws -> UInt64 {
        UInt64(try Int64.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(idx) + 1, 0) FROM ledger")) ?? 0)
    }

    func ledgerEntries(from index: UInt64, limit: Int) throws -> [LedgerEntry] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT idx, payload, leaf_hash FROM ledger WHERE idx >= ? ORDER BY idx LIMIT ?"),
            arguments: [Int64(index), limit]
        ).map { LedgerEntry(index: UInt64($0[0] as Int64), payload: $0[1], leafHash: $0[2]) }
    }

    func ledgerNode(level: Int, index: UInt64) throws -> Data? {
        if level == 0 {
            return try Data.fetchOne(
                db.cachedStatement(sql: "SELECT leaf_hash FROM ledger WHERE idx = ?"), arguments: [Int64(index)])
        }
        return try Data.fetchOne(
            db.cachedStatement(sql: "SELECT hash FROM ledger_nodes WHERE level = ? AND idx = ?"),
            arguments: [level, Int64(index)])
    }

    func appendLedger(_ entries: [LedgerEntry], nodes: [MerkleNode]) throws {
        var next = try ledgerSize()
        // A leaf and a node or so per message of an import: bound directly (decision 0027).
        for e in entries {
            guard e.index == next else {
                throw VellumError(.integrity, "ledger entry \(e.index) does not continue a ledger of \(next)")
            }
            try DirectSQL.run(
                db, "INSERT INTO ledger(idx, payload, leaf_hash) VALUES (?, ?, ?)",
                [.integer(Int64(e.index)), .blob(e.payload), .blob(e.leafHash)])
            next += 1
        }
        for n in nodes {
            try DirectSQL.run(
                db, "INSERT OR REPLACE INTO ledger_nodes(level, idx, hash) VALUES (?, ?, ?)",
                [.integer(Int64(n.level)), .integer(Int64(n.index)), .blob(n.hash)])
        }
    }

    func treeHeads() throws -> [TreeHead] {
        try Row.fetchAll(db, sql: "SELECT size, root, timestamp, signature FROM tree_heads ORDER BY seq").map(Self.head)
    }

    func latestTreeHead() throws -> TreeHead? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT size, root, timestamp, signature FROM tree_heads ORDER BY seq DESC LIMIT 1")
        ).map(Self.head)
    }

    static func head(_ row: Row) -> TreeHead {
        TreeHead(size: UInt64(row[0] as Int64), root: row[1], timestamp: row[2], signature: row[3])
    }

    func ledgerFrontier() throws -> CompactRange {
        guard let bytes = try Data.fetchOne(
            db.cachedStatement(sql: "SELECT frontier FROM tree_heads ORDER BY seq DESC LIMIT 1"))
        else { return CompactRange() }
        return try CompactRange(serialized: bytes)
    }

    func addTreeHead(_ head: TreeHead, frontier: CompactRange) throws {
        try db.cachedStatement(sql: """
            INSERT INTO tree_heads(size, root, timestamp, signature, frontier) VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [Int64(head.size), head.root, head.timestamp, head.signature, frontier.serialized()])
    }

    // MARK: quarantine

    func quarantineItems() throws -> [QuarantineItem] {
        try Row.fetchAll(db, sql: "SELECT * FROM quarantine ORDER BY id").map(Self.quarantine)
    }

    func quarantineItem(rawKey: Data) throws -> QuarantineItem? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM quarantine WHERE raw_key = ?"), arguments: [rawKey])
            .map(Self.quarantine)
    }

    static func quarantine(_ row: Row) -> QuarantineItem {
        QuarantineItem(
            id: row["id"], receivedAt: row["received_at"], format: row["format"], reason: row["reason"],
            rawKey: row["raw_key"], sealed: row["sealed"],
            status: QuarantineItem.Status(rawValue: row["status"]) ?? .open,
            ledgerIndex: UInt64(row["ledger_index"] as Int64),
            resolvedRecord: (row["resolved_record"] as String?).map(RecordID.init))
    }

    func addQuarantine(_ q: QuarantineItem) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO quarantine(received_at, format, reason, raw_key, sealed, status, ledger_index, resolved_record)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                q.receivedAt, q.format, q.reason, q.rawKey, q.sealed, q.status.rawValue, Int64(q.ledgerIndex),
                q.resolvedRecord?.rawValue,
            ])
        return db.lastInsertedRowID
    }

    func resolveQuarantine(id: Int64, record: RecordID?) throws {
        try db.execute(
            sql: "UPDATE quarantine SET status = 'resolved', resolved_record = ? WHERE id = ?",
            arguments: [record?.rawValue, id])
        guard db.changesCount == 1 else { throw VellumError(.notFound, "no quarantine item \(id)") }
    }

    // MARK: directory

    func employee(identifierKey: Data) throws -> StoredEmployee? {
        guard let key = try Data.fetchOne(
            db.cachedStatement(sql: "SELECT employee_key FROM employee_identifiers WHERE identifier_key = ?"),
            arguments: [identifierKey])
        else { return nil }
        return try storedEmployee(key: key)
    }

    func storedEmployee(key: Data) throws -> StoredEmployee? {
        guard let sealed = try Data.fetchOne(db, sql: "SELECT sealed FROM employees WHERE key = ?", arguments: [key])
        else { return nil }
        let ids = try Data.fetchAll(
            db, sql: "SELECT identifier_key FROM employee_identifiers WHERE employee_key = ? ORDER BY identifier_key",
            arguments: [key])
        return StoredEmployee(key: key, sealed: sealed, identifierKeys: ids)
    }

    func employees() throws -> [StoredEmployee] {
        try Data.fetchAll(db, sql: "SELECT key FROM employees ORDER BY key").compactMap { try storedEmployee(key: $0) }
    }

    func upsertEmployee(_ e: StoredEmployee) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO employees(key, sealed) VALUES (?, ?)", arguments: [e.key, e.sealed])
        try db.execute(sql: "DELETE FROM employee_identifiers WHERE employee_key = ?", arguments: [e.key])
        for id in e.identifierKeys {
            try db.execute(
                sql: "INSERT OR REPLACE INTO employee_identifiers(identifier_key, employee_key) VALUES (?, ?)",
                arguments: [id, e.key])
        }
    }
}
