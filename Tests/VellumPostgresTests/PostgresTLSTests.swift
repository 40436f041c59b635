import Foundation
import PostgresNIO
import Testing
import VellumPostgres

@Suite(
    "PostgreSQL connections: TLS modes and server-side time-outs",
    // scripts/postgres.sh turns TLS on (with a throw-away CA) when openssl is there.
    .enabled(if: PostgresTestEnvironment.isAvailable && PostgresTestEnvironment.env["VELLUM_TEST_PG_CA"] != nil,
             "no PostgreSQL with TLS: VELLUM_TEST_PG_* or VELLUM_TEST_PG_CA unset (scripts/postgres.sh start DIR)"))
struct PostgresTLSTests {
    static func encrypted(_ configuration: PostgresConfiguration) throws -> Bool {
        let pool = PostgresPool(configuration: configuration)
        defer { pool.close() }
        return try pool.withConnection { s in
            try s.decode(try s.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"), as: Bool.self).first ?? false
        }
    }

    static func configuration(_ tls: PostgresConfiguration.TLSMode) -> PostgresConfiguration {
        var c = PostgresTestEnvironment.configuration()
        c.tls = tls
        return c
    }

    @Test("verify-full against the server's CA is encrypted; disable is plain; require encrypts without checking")
    func modes() throws {
        #expect(try Self.encrypted(Self.configuration(.verifyFull(caFile: PostgresTestEnvironment.env["VELLUM_TEST_PG_CA"]!))))
        #expect(try Self.encrypted(Self.configuration(.require)))
        #expect(try Self.encrypted(Self.configuration(.prefer)))
        #expect(try !Self.encrypted(Self.configuration(.disable)))
    }

    @Test("verify-full refuses a certificate the trusted roots did not sign, as a TLS error")
    func untrustedCertificate() throws {
        // The system's roots never signed the throw-away test CA.
        let pool = PostgresPool(configuration: Self.configuration(.verifyFull(caFile: nil)))
        defer { pool.close() }
        let error = #expect(throws: PostgresStoreError.self) { try pool.withConnection { try $0.execute("SELECT 1") } }
        #expect(error?.code == .tls, "\(String(describing: error))")
        let missing = PostgresPool(configuration: Self.configuration(.verifyFull(caFile: "/nonexistent/ca.pem")))
        defer { missing.close() }
        let unreadable = #expect(throws: PostgresStoreError.self) { try missing.withConnection { try $0.execute("SELECT 1") } }
        #expect(unreadable?.code == .tls && unreadable?.reason.contains("/nonexistent/ca.pem") == true)
    }

    @Test("a statement longer than the statement timeout is cancelled by the server and reported as timed out")
    func statementTimeout() throws {
        var c = Self.configuration(.disable)
        c.statementTimeout = .milliseconds(300)
        let pool = PostgresPool(configuration: c)
        defer { pool.close() }
        let error = #expect(throws: PostgresStoreError.self) { try pool.withConnection { try $0.execute("SELECT pg_sleep(2)") } }
        #expect(error?.code == .timedOut && error?.sqlState == "57014")
        #expect(try pool.withConnection { try $0.execute("SELECT pg_sleep(0.01)") } >= 0, "short statements still run")
    }
}
