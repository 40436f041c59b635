import Foundation
import Testing
import VellumApp
@testable import VellumBackends
import VellumCore
import VellumPostgres
import VellumS3

@Suite("storage.yaml: which backend an archive lives on")
struct StorageConfigurationTests {
    /// A folder with `storage.yaml` (and any other files), deleted afterwards.
    final class Folder {
        let url: URL
        init(_ files: [String: String], mode: Int = 0o600) throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-storage-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for (name, text) in files {
                FileManager.default.createFile(
                    atPath: url.appendingPathComponent(name).path, contents: Data(text.utf8), attributes: [.posixPermissions: mode])
            }
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        var file: URL { url.appendingPathComponent("storage.yaml") }
    }

    static let full = """
        storage: postgres+s3
        postgres:
          host: db.internal
          port: 6543
          database: archive
          user: vellum
          password_file: pg.password
          schema: firm_a
          max_connections: 12
        s3:
          endpoint: https://s3.eu-central-1.amazonaws.com
          region: eu-central-1
          bucket: firm-vellum-archive
          access_key_id: AKIAEXAMPLE
          secret_access_key: s3-Secret-Value-9
          key_prefix: blobs/
        """

    @Test("an empty file and `storage: sqlite` mean the embedded archive")
    func sqlite() throws {
        for text in ["", "storage: sqlite\n"] {
            let folder = try Folder(["storage.yaml": text])
            guard case .sqlite = try StorageConfiguration.load(folder.file).backend else {
                Issue.record("expected sqlite for \(text.debugDescription)")
                continue
            }
        }
    }

    @Test("postgres+s3 reads every key, the password from a file next to it, and warns of a readable secret")
    func postgresS3() throws {
        let folder = try Folder(["storage.yaml": Self.full, "pg.password": "pg-Secret-Value-7\n"])
        let config = try StorageConfiguration.load(folder.file)
        guard case .postgresS3(let pg, let s3, let lock) = config.backend else {
            Issue.record("expected postgres+s3")
            return
        }
        #expect(pg.host == "db.internal" && pg.port == 6543 && pg.database == "archive" && pg.username == "vellum")
        #expect(pg.password == "pg-Secret-Value-7" && pg.schema == "firm_a" && pg.maxConnections == 12)
        #expect(s3.endpoint.absoluteString == "https://s3.eu-central-1.amazonaws.com")
        #expect(s3.region == "eu-central-1" && s3.bucket == "firm-vellum-archive" && s3.keyPrefix == "blobs/")
        #expect(s3.credentials.accessKeyID == "AKIAEXAMPLE")
        #expect(lock.allowWithoutObjectLock == false && lock.defaultRetention == nil)
        // db.internal without `sslmode: verify-full`: the one warning, naming the line of the section.
        #expect(config.warnings.count == 1 && config.warnings[0].contains("storage.yaml:3") && config.warnings[0].contains("verify-full"))
        #expect(pg.tls == .prefer && pg.statementTimeout == nil && pg.idleInTransactionTimeout == .seconds(60))
        let withDefault = try Folder(["storage.yaml": Self.full + "\n  default_retention_days: 2190\n", "pg.password": "pg-Secret-Value-7\n"])
        guard case .postgresS3(_, _, let locked) = try StorageConfiguration.load(withDefault.file).backend else { return }
        #expect(locked.defaultRetention == .seconds(2190 * 86_400))
        #expect(!String(describing: pg).contains("pg-Secret-Value-7"))
        #expect(!String(describing: s3.credentials).contains("s3-Secret-Value-9"))

        let readable = try Folder(["storage.yaml": Self.full, "pg.password": "pg-Secret-Value-7\n"], mode: 0o644)
        let warnings = try StorageConfiguration.load(readable.file).warnings
        // The storage file (an inline secret) and the password file; and the unverified connection.
        #expect(warnings.filter { $0.contains("chmod 600") }.count == 2 && warnings.count == 3)
    }

    @Test("TLS: verify-full with a CA file next to the storage file; timeouts; no warning once verified")
    func tlsAndTimeouts() throws {
        let text = Self.full.replacingOccurrences(of: "  max_connections: 12\n", with: """
              max_connections: 12
              sslmode: verify-full
              sslrootcert_file: ca.pem
              statement_timeout_seconds: 300
              idle_in_transaction_timeout_seconds: 0

            """)
        let folder = try Folder(["storage.yaml": text, "pg.password": "pw\n", "ca.pem": "-----BEGIN CERTIFICATE-----\n"])
        let config = try StorageConfiguration.load(folder.file)
        guard case .postgresS3(let pg, _, _) = config.backend else { Issue.record("expected postgres+s3"); return }
        #expect(pg.tls == .verifyFull(caFile: folder.url.appendingPathComponent("ca.pem").path))
        #expect(pg.statementTimeout == .seconds(300) && pg.idleInTransactionTimeout == nil)
        #expect(config.warnings.isEmpty)

        let bad = try Folder(["storage.yaml": text.replacingOccurrences(of: "verify-full", with: "verify-ca"), "pg.password": "pw\n", "ca.pem": ""])
        let e = try #require(throws: VellumError.self) { try StorageConfiguration.load(bad.file) }
        #expect(e.reason.contains("storage.yaml:10") && e.reason.contains("`postgres.sslmode` must be one of disable, prefer, require, verify-full"), "\(e.reason)")
        let missing = try Folder(["storage.yaml": text, "pg.password": "pw\n"])
        let m = try #require(throws: VellumError.self) { try StorageConfiguration.load(missing.file) }
        #expect(m.reason.contains("storage.yaml:11") && m.reason.contains("cannot be read"), "\(m.reason)")
    }

    @Test("mistakes are refused with the file, the line and the key, never the secret", arguments: [
        ("storage: postgres\n", ":1", "`storage` must be one of sqlite, postgres+s3"),
        ("storage: sqlite\ns3:\n  bucket: x\n", ":3", "`s3` is only read with `storage: postgres+s3`"),
        ("storgae: sqlite\n", ":1", "`storgae` is not a known key here"),
        ("storage: postgres+s3\npostgres:\n  host: h\n", "", "needs an `s3` section"),
        (full.replacingOccurrences(of: "  host: db.internal\n", with: ""), ":3", "`postgres` needs `host`"),
        (full.replacingOccurrences(of: "port: 6543", with: "port: 70000"), ":4", "`postgres.port` must be a whole number"),
        (full.replacingOccurrences(of: "schema: firm_a", with: "schema: Firm-A"), ":8", "`postgres.schema` must be lower-case"),
        (full.replacingOccurrences(of: "  password_file: pg.password\n", with: "  password_file: pg.password\n  password: pg-Secret-Value-7\n"),
         ":7", "`postgres.password_file` and `password` are both given"),
        (full.replacingOccurrences(of: "password_file: pg.password", with: "password_file: missing.file"), ":7", "names"),
        (full.replacingOccurrences(of: "amazonaws.com", with: "amazonaws.com/firm-vellum-archive"), ":11", "`s3.endpoint` must be an http(s) URL"),
        (full.replacingOccurrences(of: "bucket: firm-vellum-archive", with: "bucket: Firm_Archive"), ":13", "`s3.bucket` must be an S3 bucket name"),
        (full.replacingOccurrences(of: "  secret_access_key: s3-Secret-Value-9\n", with: ""), ":11", "`s3` needs `secret_access_key` or `secret_access_key_file`"),
        (full + "\n  allow_without_object_lock: perhaps\n", ":17", "`s3.allow_without_object_lock` must be true or false"),
        (full + "\n  default_retention_days: 0\n", ":17", "`s3.default_retention_days` must be a whole number"),
    ])
    func errors(_ text: String, _ line: String, _ message: String) throws {
        let folder = try Folder(["storage.yaml": text, "pg.password": "pg-Secret-Value-7\n"])
        let error = try #require(throws: VellumError.self) { try StorageConfiguration.load(folder.file) }
        #expect(error.reason.hasPrefix(folder.file.path + line), "\(error.reason)")
        #expect(error.reason.contains(message), "\(error.reason)")
        #expect(!error.reason.contains("Secret-Value"))
    }

    @Test("the copy `init` keeps in the data directory reads the same secrets from another folder")
    func copy() throws {
        let folder = try Folder(["storage.yaml": Self.full, "pg.password": "pg-Secret-Value-7\n"])
        let elsewhere = try Folder([:])
        let copy = elsewhere.url.appendingPathComponent("storage.yaml")
        try StorageFileCopy.text(of: folder.file).write(to: copy)
        let text = try String(contentsOf: copy, encoding: .utf8)
        #expect(text.contains("password_file: \(folder.url.appendingPathComponent("pg.password").path)"))
        guard case .postgresS3(let pg, let s3, _) = try StorageConfiguration.load(copy).backend else {
            Issue.record("expected postgres+s3")
            return
        }
        #expect(pg.password == "pg-Secret-Value-7" && pg.schema == "firm_a" && s3.bucket == "firm-vellum-archive")
    }

    @Test("a data directory without storage.yaml opens the embedded archive; migrate has nothing to do")
    func embedded() throws {
        let folder = try Folder([:])
        let dir = DataDirectory(folder.url.appendingPathComponent("archive").path)
        try ArchiveBackends.create(at: dir)
        #expect(FileManager.default.fileExists(atPath: dir.database.path))
        _ = try ArchiveBackends.open(dir)
        let migrated = try ArchiveBackends.migrate(dir)
        #expect(migrated.backend == "sqlite" && migrated.applied.isEmpty)
    }

    @Test("an unreachable PostgreSQL fails `create` clearly and leaves no folder and no key behind")
    func unreachable() throws {
        let port = try Self.closedPort()
        let text = Self.full.replacingOccurrences(of: "host: db.internal", with: "host: 127.0.0.1")
            .replacingOccurrences(of: "port: 6543", with: "port: \(port)")
        let folder = try Folder(["storage.yaml": text, "pg.password": "pg-Secret-Value-7\n"])
        let dir = DataDirectory(folder.url.appendingPathComponent("archive").path)
        #expect(throws: (any Error).self) { try ArchiveBackends.create(at: dir, storage: folder.file) }
        do {
            try ArchiveBackends.create(at: dir, storage: folder.file)
        } catch {
            #expect("\(error)".contains("127.0.0.1:\(port)"), "\(error)")
            #expect(!"\(error)".contains("Secret-Value"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir.root.path))
    }

    /// A loopback port nothing listens on (bound, then closed).
    static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw VellumError(.storage, "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
