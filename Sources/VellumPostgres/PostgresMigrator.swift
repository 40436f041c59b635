import PostgresNIO

/// One versioned change to the schema. Versions only grow; a migration, once released, never changes.
public struct PostgresMigration: Sendable {
    public var version: Int
    public var name: String
    /// Statements run in order, in the migration's transaction.
    public var statements: [String]

    public init(version: Int, name: String, statements: [String]) {
        self.version = version
        self.name = name
        self.statements = statements
    }
}

/// Brings the configured schema up to date: creates it and the `schema_migrations` table if
/// missing, then applies each migration not yet recorded there, each in its own transaction.
///
/// Idempotent and safe with several servers starting at once: every run holds a transaction-level
/// advisory lock while it reads and applies, so one applies and the others find it done.
public enum PostgresMigrator {
    /// The advisory lock key for migrations ("vellum-migrate" folded into 64 bits).
    static let lockKey: Int64 = 0x7665_6c6c_756d_6d67

    /// Applies what is missing; returns the versions applied by this call.
    @discardableResult
    public static func migrate(_ pool: PostgresPool, migrations: [PostgresMigration] = PostgresSchema.migrations) throws
        -> [Int]
    {
        let schema = pool.configuration.schema
        guard isPlainIdentifier(schema) else {
            throw PostgresStoreError(
                .migration, "schema name \(schema) must be lower-case letters, digits and _", target: pool.configuration.target)
        }
        let known = Set(migrations.map(\.version))
        guard known.count == migrations.count else {
            throw PostgresStoreError(.migration, "two migrations share a version", target: pool.configuration.target)
        }
        var applied: [Int] = []
        for migration in migrations.sorted(by: { $0.version < $1.version }) {
            let did = try pool.transaction { s -> Bool in
                try s.execute("SELECT pg_advisory_xact_lock(\(lockKey))")
                try s.execute(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"))
                try s.execute(
                    """
                    CREATE TABLE IF NOT EXISTS schema_migrations(
                        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                    """)
                let done = try s.decode(try s.query("SELECT version FROM schema_migrations"), as: Int.self)
                if let unknown = done.first(where: { !known.contains($0) }) {
                    throw PostgresStoreError(
                        .migration, "the database has migration \(unknown), unknown to this build: upgrade Vellum",
                        target: pool.configuration.target)
                }
                if done.contains(migration.version) { return false }
                for statement in migration.statements {
                    do { try s.execute(PostgresQuery(unsafeSQL: statement)) } catch let e as PostgresStoreError {
                        throw PostgresStoreError(
                            .migration, "migration \(migration.version) \(migration.name) failed: \(e.reason)",
                            sqlState: e.sqlState, target: e.target)
                    }
                }
                try s.execute(
                    "INSERT INTO schema_migrations(version, name) VALUES (\(migration.version), \(migration.name))")
                return true
            }
            if did { applied.append(migration.version) }
        }
        return applied
    }

    /// The versions recorded in the schema, oldest first.
    public static func appliedVersions(_ pool: PostgresPool) throws -> [Int] {
        try pool.withConnection { s in
            try s.decode(try s.query("SELECT version FROM schema_migrations ORDER BY version"), as: Int.self)
        }
    }

    static func isPlainIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, ("a"..."z").contains(first) || first == "_", s.utf8.count <= 63 else {
            return false
        }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
