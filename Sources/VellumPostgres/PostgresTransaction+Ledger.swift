import Foundation
import NIOCore
import PostgresNIO
import VellumCore
import VellumCrypto
import VellumStore

/// The ledger: leaves, perfect-subtree nodes, signed tree heads and the `ledger_head` row.
///
/// A writer takes `ledger_head` `FOR UPDATE` the first time it reads or extends the ledger's
/// state (its size, frontier or latest head) and holds it to commit. Under READ COMMITTED a
/// writer blocked on the row reads the committed new size once the holder commits, and each of
/// its later statements sees everything committed before it, so it continues the tree where the
/// previous writer left it: leaf indexes stay dense and in commit order with any number of writers.
extension PostgresTransaction {
    /// The ledger size, holding `ledger_head` from now until the transaction ends.
    func holdLedgerHead() throws -> UInt64 {
        if let heldLedgerSize { return heldLedgerSize }
        guard let size = try value("SELECT size FROM ledger_head WHERE id = 1 FOR UPDATE", as: Int64.self) else {
            throw VellumError(.integrity, "the ledger_head row is missing; the schema is damaged")
        }
        heldLedgerSize = UInt64(size)
        return UInt64(size)
    }

    func ledgerSize() throws -> UInt64 {
        if writable { return try holdLedgerHead() }
        return UInt64(try value("SELECT size FROM ledger_head WHERE id = 1", as: Int64.self) ?? 0)
    }

    func ledgerEntries(from index: UInt64, limit: Int) throws -> [LedgerEntry] {
        try rows(
            "SELECT idx, payload, leaf_hash FROM ledger WHERE idx >= \(Int64(index)) ORDER BY idx LIMIT \(limit)",
            as: (Int64, Data, Data).self
        ).map { LedgerEntry(index: UInt64($0), payload: $1, leafHash: $2) }
    }

    func ledgerNode(level: Int, index: UInt64) throws -> Data? {
        if level == 0 {
            return try value("SELECT leaf_hash FROM ledger WHERE idx = \(Int64(index))", as: Data.self)
        }
        return try value("SELECT hash FROM ledger_nodes WHERE level = \(level) AND idx = \(Int64(index))", as: Data.self)
    }

    /// Leaves (which must continue the ledger exactly), their nodes and the new size, in one statement.
    func appendLedger(_ entries: [LedgerEntry], nodes: [MerkleNode]) throws {
        let size = try holdLedgerHead()
        for (offset, e) in entries.enumerated() where e.index != size + UInt64(offset) {
            throw VellumError(.integrity, "ledger entry \(e.index) does not continue a ledger of \(size + UInt64(offset))")
        }
        let newSize = size + UInt64(entries.count)
        let indexes = entries.map { Int64($0.index) }
        let payloads = PostgresKeys.array(entries.map(\.payload))
        let leaves = PostgresKeys.array(entries.map(\.leafHash))
        let levels = nodes.map { Int64($0.level) }
        let nodeIndexes = nodes.map { Int64($0.index) }
        let hashes = PostgresKeys.array(nodes.map(\.hash))
        try execute(
            """
            WITH l AS (
                INSERT INTO ledger(idx, payload, leaf_hash)
                SELECT * FROM unnest(\(indexes)::bigint[], \(payloads)::bytea[], \(leaves)::bytea[])),
            n AS (
                INSERT INTO ledger_nodes(level, idx, hash)
                SELECT * FROM unnest(\(levels)::bigint[], \(nodeIndexes)::bigint[], \(hashes)::bytea[])
                ON CONFLICT (level, idx) DO UPDATE SET hash = excluded.hash)
            UPDATE ledger_head SET size = \(Int64(newSize)),
                root = CASE WHEN size = \(Int64(newSize)) THEN root END
            WHERE id = 1
            """)
        heldLedgerSize = newSize
    }

    func treeHeads() throws -> [TreeHead] {
        try rows("SELECT size, root, timestamp, signature FROM tree_heads ORDER BY seq", as: (Int64, Data, Int64, Data).self)
            .map { TreeHead(size: UInt64($0), root: $1, timestamp: $2, signature: $3) }
    }

    func latestTreeHead() throws -> TreeHead? {
        if writable { _ = try holdLedgerHead() }
        return try row(
            "SELECT size, root, timestamp, signature FROM tree_heads ORDER BY seq DESC LIMIT 1",
            as: (Int64, Data, Int64, Data).self
        ).map { TreeHead(size: UInt64($0), root: $1, timestamp: $2, signature: $3) }
    }

    func ledgerFrontier() throws -> CompactRange {
        if writable { _ = try holdLedgerHead() }
        guard let bytes = try value("SELECT frontier FROM tree_heads ORDER BY seq DESC LIMIT 1", as: Data.self) else {
            return CompactRange()
        }
        return try CompactRange(serialized: bytes)
    }

    /// Adds the head (in `seq` order, which the held row makes commit order) and, when it covers
    /// the ledger's current size, keeps its root in `ledger_head`.
    func addTreeHead(_ head: TreeHead, frontier: CompactRange) throws {
        _ = try holdLedgerHead()
        try execute(
            """
            WITH h AS (
                INSERT INTO tree_heads(size, root, timestamp, signature, frontier)
                VALUES (\(Int64(head.size)), \(head.root), \(head.timestamp), \(head.signature), \(frontier.serialized())))
            UPDATE ledger_head SET root = \(head.root) WHERE id = 1 AND size = \(Int64(head.size))
            """)
    }
}
