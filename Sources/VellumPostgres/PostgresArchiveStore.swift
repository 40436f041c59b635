public import Foundation
import PostgresNIO
import VellumCore
public import VellumStore

/// The archive on PostgreSQL, shared by every server of a deployment (docs/decisions/0012).
///
/// A `write` is one READ COMMITTED transaction: records, index rows, ledger leaves and the signed
/// tree head commit together or not at all. Each write takes the `ledger_head` row `FOR UPDATE`
/// first, so writers from every server run one at a time, as with SQLite: leaves stay dense and in
/// commit order, record positions follow commit order, and a write that reads state before
/// changing it (a queue in `meta`, a scope's key) never interleaves with another server's.
/// A `read` is one REPEATABLE READ, READ ONLY transaction: every statement in it sees one snapshot.
public struct PostgresArchiveStore: ArchiveStore {
    let pool: PostgresPool

    /// Uses `pool` as it is; run ``PostgresMigrator/migrate(_:migrations:)`` first (``open(_:)`` does).
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Brings the schema up to date, then returns the store.
    public static func open(_ pool: PostgresPool) throws -> PostgresArchiveStore {
        try PostgresMigrator.migrate(pool)
        return PostgresArchiveStore(pool: pool)
    }

    public func read<T>(_ body: (any ArchiveReader) throws -> T) throws -> T {
        try pool.transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { session in
            try body(PostgresTransaction(session: session, writable: false))
        }
    }

    public func write<T>(_ body: (any ArchiveWriter) throws -> T) throws -> T {
        try pool.transaction { session in
            let tx = PostgresTransaction(session: session, writable: true)
            _ = try tx.holdLedgerHead()
            return try body(tx)
        }
    }

    /// Vacuums the tables removals delete from, outside any transaction: dead rows and the GIN
    /// index's pending entries are pruned, and their space is made reusable. PostgreSQL does not
    /// zero the freed space; the removed content is sealed under keys that removal destroyed.
    @discardableResult
    public func reclaim() throws -> Bool {
        try pool.withConnection { s in
            try s.execute(
                "VACUUM records, record_participants, record_tags, index_docs, message_index, alerts, restricted_records")
        }
        return true
    }
}
