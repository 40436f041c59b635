import Foundation
import PostgresNIO
import Testing
import VellumPostgres

@Suite(
    "PostgresPool reports an unreachable server and bad credentials clearly",
    .enabled(if: PostgresTestEnvironment.isAvailable, PostgresTestEnvironment.skipReason))
struct PostgresConnectionErrorTests {
    /// A loopback port nothing listens on: bound, read, released.
    static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &addr) { p in
            try p.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                guard bind(fd, sa, len) == 0, getsockname(fd, sa, &len) == 0 else { throw POSIXError(.EADDRINUSE) }
            }
        }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    @Test("a closed port is unreachable, naming the server")
    func closedPortIsUnreachable() throws {
        let pool = PostgresPool(configuration: PostgresTestEnvironment.configuration(port: try Self.closedPort()))
        defer { pool.close() }
        let error = #expect(throws: PostgresStoreError.self) { try pool.withConnection { try $0.execute("SELECT 1") } }
        #expect(error?.code == .unreachable)
        #expect(error?.description.contains("127.0.0.1:") == true)
    }

    @Test("a wrong password is bad credentials, and the password appears nowhere in the error")
    func wrongPasswordIsBadCredentials() throws {
        let wrong = "wrong-" + UUID().uuidString
        let pool = PostgresPool(configuration: PostgresTestEnvironment.configuration(password: wrong))
        defer { pool.close() }
        let error = #expect(throws: PostgresStoreError.self) { try pool.withConnection { try $0.execute("SELECT 1") } }
        #expect(error?.code == .badCredentials)
        #expect(error?.sqlState == "28P01")
        #expect(error?.description.contains(wrong) == false)
        #expect(error?.description.contains(PostgresTestEnvironment.password!) == false)
    }

    @Test("a missing database is named as such")
    func missingDatabase() throws {
        let pool = PostgresPool(configuration: PostgresTestEnvironment.configuration(database: "vellum_no_such_db"))
        defer { pool.close() }
        let error = #expect(throws: PostgresStoreError.self) { try pool.withConnection { try $0.execute("SELECT 1") } }
        #expect(error?.code == .noSuchDatabase)
    }

    @Test("the configuration's description carries no password")
    func descriptionHidesPassword() {
        let c = PostgresConfiguration(host: "db", username: "u", password: "s3cret", database: "d")
        #expect(!c.description.contains("s3cret"))
        #expect(c.description == "postgres://u@db:5432/d?schema=vellum")
    }
}
