import Testing
import VellumPostgres
import VellumStore
import VellumStoreTesting

@Suite(
    "PostgresLeaseStore passes the LeaseStore conformance suite",
    .enabled(if: PostgresTestEnvironment.isAvailable, PostgresTestEnvironment.skipReason))
struct PostgresLeaseStoreConformanceTests {
    @Test("LeaseStore conformance, through two pools (two servers)", arguments: LeaseStoreConformance.cases.keys.sorted())
    func leaseStore(_ name: String) throws {
        try PostgresTestEnvironment.withPool { pool throws in
            try PostgresMigrator.migrate(pool)
            let other = PostgresPool(configuration: pool.configuration)
            defer { other.close() }
            try LeaseStoreConformance.cases[name]!(PostgresLeaseStore(pool: pool), PostgresLeaseStore(pool: other))
        }
    }
}
