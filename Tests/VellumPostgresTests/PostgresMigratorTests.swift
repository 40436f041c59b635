import Dispatch
import PostgresNIO
import Synchronization
import Testing
import VellumPostgres

@Suite(
    "PostgresMigrator applies each migration once, in order",
    .enabled(if: PostgresTestEnvironment.isAvailable, PostgresTestEnvironment.skipReason))
struct PostgresMigratorTests {
    @Test("a second run applies nothing")
    func idempotent() throws {
        try PostgresTestEnvironment.withPool { pool throws in
            let all = PostgresSchema.migrations.map(\.version)
            #expect(try PostgresMigrator.migrate(pool) == all)
            #expect(try PostgresMigrator.migrate(pool) == [])
            #expect(try PostgresMigrator.appliedVersions(pool) == all)
        }
    }

    @Test("a new migration is applied on top; a failing one leaves nothing behind")
    func incrementalAndAtomic() throws {
        try PostgresTestEnvironment.withPool { pool throws in
            try PostgresMigrator.migrate(pool)
            let extra = PostgresMigration(version: 1000, name: "extra", statements: ["CREATE TABLE extra(x int)"])
            #expect(try PostgresMigrator.migrate(pool, migrations: PostgresSchema.migrations + [extra]) == [1000])
            let broken = PostgresMigration(
                version: 1001, name: "broken", statements: ["CREATE TABLE half(x int)", "SELECT no_such_function()"])
            let error = #expect(throws: PostgresStoreError.self) {
                try PostgresMigrator.migrate(pool, migrations: PostgresSchema.migrations + [extra, broken])
            }
            #expect(error?.code == .migration)
            #expect(error?.sqlState == "42883")
            #expect(try PostgresMigrator.appliedVersions(pool).last == 1000)
            let half = try pool.withConnection { s in
                try s.decode(try s.query("SELECT count(*) FROM pg_tables WHERE tablename = 'half'"), as: Int.self)
            }
            #expect(half == [0])
        }
    }

    @Test("migration 4 moves each search document out of index_docs unchanged, and search finds it there")
    func messageIndexMigration() throws {
        try PostgresTestEnvironment.withPool { pool throws in
            let before = PostgresSchema.migrations.filter { $0.version < 4 }
            #expect(try PostgresMigrator.migrate(pool, migrations: before) == [1, 2, 3])
            try pool.withConnection { s in
                try s.execute(
                    """
                    INSERT INTO index_docs(position, tokens, document)
                    SELECT n, 'tok' || n || ' common', keyed_tokens_tsvector('tok' || n || ' common')
                    FROM generate_series(1, 300) AS n
                    """)
            }
            #expect(try PostgresMigrator.migrate(pool) == [4])
            let (moved, same, columns, hits) = try pool.withConnection { s in
                let moved = try s.decode(try s.query("SELECT count(*) FROM message_index"), as: Int.self)
                let same = try s.decode(
                    try s.query(
                        """
                        SELECT count(*) FROM message_index m JOIN index_docs d USING (position)
                        WHERE m.document = keyed_tokens_tsvector(d.tokens)
                        """), as: Int.self)
                let columns = try s.decode(
                    try s.query(
                        """
                        SELECT string_agg(column_name::text, ',' ORDER BY ordinal_position) FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = 'index_docs'
                        """), as: String.self)
                let hits = try s.decode(
                    try s.query("SELECT position FROM message_index WHERE document @@ '''tok7'''::tsquery"), as: Int64.self)
                return (moved, same, columns, hits)
            }
            #expect(moved == [300])
            #expect(same == [300])
            #expect(columns == ["position,tokens"])
            #expect(hits == [7])
        }
    }

    @Test("a database migrated by a newer build is refused")
    func newerDatabaseRefused() throws {
        try PostgresTestEnvironment.withPool { pool throws in
            let future = PostgresMigration(version: 999_999, name: "future", statements: [])
            try PostgresMigrator.migrate(pool, migrations: PostgresSchema.migrations + [future])
            let error = #expect(throws: PostgresStoreError.self) { try PostgresMigrator.migrate(pool) }
            #expect(error?.code == .migration)
            #expect(error?.reason.contains("999999") == true)
        }
    }

    @Test("four servers migrating at once apply each migration exactly once")
    func concurrentServers() throws {
        try PostgresTestEnvironment.withPool { pool throws in
            let applied = Mutex<[Int]>([])
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                let own = PostgresPool(configuration: pool.configuration)
                defer { own.close() }
                do {
                    let did = try PostgresMigrator.migrate(own)
                    applied.withLock { $0 += did }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [])
            #expect(applied.withLock { $0.sorted() } == PostgresSchema.migrations.map(\.version))
        }
    }
}
