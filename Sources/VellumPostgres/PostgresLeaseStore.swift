import PostgresNIO
public import VellumStore

/// Job leases shared by every server of a deployment. A claim is one statement: the upsert takes
/// the lease row's lock, so of several servers claiming at once exactly one gets a free lease.
public struct PostgresLeaseStore: LeaseStore {
    let pool: PostgresPool

    public init(pool: PostgresPool) { self.pool = pool }

    public func claimLease(_ name: String, holder: String, now: Int64, until: Int64) throws -> Bool {
        try pool.withConnection { s in
            let rows = try s.query(
                """
                INSERT INTO leases(name, holder, until) VALUES (\(name), \(holder), \(until))
                ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
                WHERE leases.holder = excluded.holder OR leases.until <= \(now)
                RETURNING holder
                """)
            return try s.decode(rows, as: String.self).first == holder
        }
    }

    public func releaseLease(_ name: String, holder: String) throws {
        try pool.withConnection { s in
            _ = try s.execute("DELETE FROM leases WHERE name = \(name) AND holder = \(holder)")
        }
    }
}
