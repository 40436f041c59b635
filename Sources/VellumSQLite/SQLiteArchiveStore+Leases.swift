import GRDB
public import VellumStore

/// Leases in the archive's database: one row per job name. With SQLite only one process writes
/// at a time anyway, but `vellum serve` and a `vellum retention run` from the shell may overlap.
extension SQLiteArchiveStore: LeaseStore {
    public func claimLease(_ name: String, holder: String, now: Int64, until: Int64) throws -> Bool {
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO leases(name, holder, until) VALUES (?1, ?2, ?4)
                    ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, until = excluded.until
                    WHERE leases.holder = excluded.holder OR leases.until <= ?3
                    """, arguments: [name, holder, now, until])
            return try String.fetchOne(db, sql: "SELECT holder FROM leases WHERE name = ?", arguments: [name]) == holder
        }
    }

    public func releaseLease(_ name: String, holder: String) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM leases WHERE name = ? AND holder = ?", arguments: [name, holder])
        }
    }
}
