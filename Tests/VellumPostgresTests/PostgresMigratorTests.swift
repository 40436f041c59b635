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
