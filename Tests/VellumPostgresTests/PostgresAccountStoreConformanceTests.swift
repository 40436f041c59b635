import Testing
import VellumPostgres
import VellumStore
import VellumStoreTesting

@Suite(
    "PostgresAccountStore passes the AccountStore conformance suite",
    // Needs a server: run scripts/postgres.sh start DIR and source DIR/env (.ci/run does).
    .enabled(if: PostgresTestEnvironment.isAvailable, PostgresTestEnvironment.skipReason))
struct PostgresAccountStoreConformanceTests {
    @Test("AccountStore conformance", arguments: AccountStoreConformance.cases.keys.sorted())
    func accountStore(_ name: String) throws {
        try PostgresTestEnvironment.withPool { pool throws in
            try AccountStoreConformance.cases[name]!(try PostgresAccountStore.open(pool))
        }
    }

    @Test("a session added through one pool is found through another (two servers, one database)")
    func sharedAcrossPools() throws {
        try PostgresTestEnvironment.withPool { pool throws in
            let a = try PostgresAccountStore.open(pool)
            try a.addAccount(StaffAccount(id: "id-a", username: "a", role: "admin", passwordHash: "h", createdAt: 1))
            let other = PostgresPool(configuration: pool.configuration)
            defer { other.close() }
            let b = try PostgresAccountStore.open(other)
            #expect(try b.account(username: "a")?.id == "id-a")
        }
    }
}
