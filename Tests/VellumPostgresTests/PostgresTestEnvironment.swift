import Foundation
import PostgresNIO
import Testing
import VellumPostgres

/// The PostgreSQL server the integration tests run against, from the environment that
/// `scripts/postgres.sh start DIR` writes to DIR/env. Without it those tests are skipped.
enum PostgresTestEnvironment {
    static let env = ProcessInfo.processInfo.environment
    static let host = env["VELLUM_TEST_PG_HOST"]
    static let port = env["VELLUM_TEST_PG_PORT"].flatMap { Int($0) }
    static let user = env["VELLUM_TEST_PG_USER"]
    static let password = env["VELLUM_TEST_PG_PASSWORD"]
    static let database = env["VELLUM_TEST_PG_DATABASE"]

    /// True when a server is configured. Tests that need one are `.enabled(if:)` this, so a run
    /// without PostgreSQL skips them and says why.
    static var isAvailable: Bool { host != nil && port != nil && user != nil && password != nil && database != nil }

    static let skipReason: Comment =
        "no PostgreSQL server: VELLUM_TEST_PG_HOST/_PORT/_USER/_PASSWORD/_DATABASE unset (scripts/postgres.sh start DIR)"

    /// The configuration for a new, empty schema of its own (one per test, so tests do not see each other).
    static func configuration(
        schema: String = freshSchemaName(), password: String? = nil, port: Int? = nil, database: String? = nil
    ) -> PostgresConfiguration {
        PostgresConfiguration(
            host: host!, port: port ?? self.port!, username: user!, password: password ?? self.password!,
            database: database ?? self.database!, schema: schema, maxConnections: 4, connectTimeout: .seconds(5))
    }

    static func freshSchemaName() -> String {
        "vellum_t_" + UUID().uuidString.lowercased().filter { $0 != "-" }.prefix(16)
    }

    /// Runs `body` with a pool on a fresh schema, and drops the schema afterwards.
    static func withPool<T>(_ body: (PostgresPool) throws -> T) throws -> T {
        let pool = PostgresPool(configuration: configuration())
        defer {
            _ = try? pool.withConnection { try $0.execute(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(pool.configuration.schema) CASCADE")) }
            pool.close()
        }
        return try body(pool)
    }
}
