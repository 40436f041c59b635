import Foundation
import Testing
import VellumApp
@testable import VellumBackends
import VellumCore
import VellumCrypto
import VellumPolicy
import VellumPostgres
import VellumS3
import VellumStore
import PostgresNIO

/// The servers `scripts/postgres.sh` and `scripts/seaweedfs.sh` start (their DIR/env); without
/// both, these tests are skipped and say why.
enum ScaleOutTestEnvironment {
    static let env = ProcessInfo.processInfo.environment
    static var isAvailable: Bool {
        ["VELLUM_TEST_PG_HOST", "VELLUM_TEST_PG_PORT", "VELLUM_TEST_PG_USER", "VELLUM_TEST_PG_PASSWORD",
         "VELLUM_TEST_PG_DATABASE", "VELLUM_TEST_S3_ENDPOINT", "VELLUM_TEST_S3_ACCESS_KEY", "VELLUM_TEST_S3_SECRET_KEY"]
            .allSatisfy { env[$0] != nil }
    }

    /// A storage file for a fresh schema and a fresh Object Lock bucket, with the secrets in files.
    static func storageFile(in folder: URL, schema: String = freshName("vellum_t_"), bucket: String? = nil) throws -> URL {
        let bucket = try bucket ?? {
            let name = freshName("vellum-b-").replacingOccurrences(of: "_", with: "-")
            try S3Client(configuration: s3(bucket: name)).createBucket(objectLock: true)
            return name
        }()
        try write(env["VELLUM_TEST_PG_PASSWORD"]!, to: folder.appendingPathComponent("pg.password"))
        try write(env["VELLUM_TEST_S3_SECRET_KEY"]!, to: folder.appendingPathComponent("s3.secret"))
        let file = folder.appendingPathComponent("storage.yaml")
        try write(
            """
            storage: postgres+s3
            postgres:
              host: \(env["VELLUM_TEST_PG_HOST"]!)
              port: \(env["VELLUM_TEST_PG_PORT"]!)
              database: \(env["VELLUM_TEST_PG_DATABASE"]!)
              user: \(env["VELLUM_TEST_PG_USER"]!)
              password_file: pg.password
              schema: \(schema)
              max_connections: 4
            s3:
              endpoint: \(env["VELLUM_TEST_S3_ENDPOINT"]!)
              region: \(env["VELLUM_TEST_S3_REGION"] ?? "us-east-1")
              bucket: \(bucket)
              access_key_id: \(env["VELLUM_TEST_S3_ACCESS_KEY"]!)
              secret_access_key_file: s3.secret
              key_prefix: blobs/

            """, to: file)
        return file
    }

    static func s3(bucket: String) -> S3Configuration {
        S3Configuration(
            endpoint: URL(string: env["VELLUM_TEST_S3_ENDPOINT"]!)!, region: env["VELLUM_TEST_S3_REGION"] ?? "us-east-1",
            bucket: bucket,
            credentials: S3Credentials(accessKeyID: env["VELLUM_TEST_S3_ACCESS_KEY"]!, secretAccessKey: env["VELLUM_TEST_S3_SECRET_KEY"]!),
            keyPrefix: "blobs/")
    }

    static func freshName(_ prefix: String) -> String {
        prefix + UUID().uuidString.lowercased().filter { $0 != "-" }.prefix(16)
    }

    static func write(_ text: String, to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else { throw VellumError(.storage, "cannot write \(url.path)") }
    }

    /// Drops the schema a storage file names (the bucket stays: its objects are locked).
    static func dropSchema(_ file: URL) {
        guard case .postgresS3(let pg, _, _)? = try? StorageConfiguration.load(file).backend else { return }
        let pool = PostgresPool(configuration: pg)
        _ = try? pool.withConnection { try $0.execute(.init(unsafeSQL: "DROP SCHEMA IF EXISTS \(pg.schema) CASCADE")) }
        pool.close()
    }
}

@Suite("An archive on PostgreSQL + S3 Object Lock", .enabled(if: ScaleOutTestEnvironment.isAvailable,
    "no PostgreSQL and S3 servers: VELLUM_TEST_PG_* and VELLUM_TEST_S3_* unset (scripts/postgres.sh, scripts/seaweedfs.sh)"))
struct PostgresS3ArchiveTests {
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-scaleout-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    static let lines = """
        {"channel":"whatsapp","account":"+85290000001","conversation":{"id":"c1","kind":"direct"},"id":"w1","sent_at":"2026-11-02T09:00:00+08:00","from":{"id":"+85291230001","name":"Zhang Wei"},"to":[{"id":"+85298760002"}],"text":"合同 draft attached for the Hang Seng deal","attachments":[{"name":"contract.pdf","media_type":"application/pdf","content_base64":"JVBERi0xLjcKc2VhbGVk"}]}
        {"channel":"telegram","conversation":{"id":"g7","kind":"group","title":"Desk"},"id":"t9","sent_at":"2026-11-02T10:00:00Z","from":{"id":"4411"},"to":[],"text":"settlement confirmed"}

        """

    @Test("init --storage migrates and initializes; import, search, reopen and verify work; blobs are in the bucket, nothing in the folder")
    func roundTrip() throws {
        let folder = try Folder()
        let storage = try ScaleOutTestEnvironment.storageFile(in: folder.url)
        defer { ScaleOutTestEnvironment.dropSchema(storage) }
        let dir = DataDirectory(folder.url.appendingPathComponent("data").path)
        try ArchiveBackends.create(at: dir, storage: storage)
        #expect(FileManager.default.fileExists(atPath: dir.storageConfiguration.path))
        #expect(!FileManager.default.fileExists(atPath: dir.database.path))

        let input = folder.url.appendingPathComponent("in.jsonl")
        try Data(Self.lines.utf8).write(to: input)
        let archive = try ArchiveBackends.open(dir)
        let summary = try FileImporter(ingestor: try Ingestor(archive: archive), format: .jsonl).importFile(input)
        #expect(summary.imported == 2 && summary.quarantined == 0)
        let again = try FileImporter(ingestor: try Ingestor(archive: archive), format: .jsonl).importFile(input)
        #expect(again.imported == 0 && again.duplicates == 2)

        let reopened = try ArchiveBackends.open(dir)
        let hits = try SearchService(archive: reopened).search(SearchRequest(query: "合同"), actor: "test").hits
        #expect(hits.map(\.source_id) == ["w1"])
        #expect(try reopened.blobs.allRefs().count == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.blobs.path))
        let report = try Verifier(archive: reopened).verify()
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.records == 2)
    }

    @Test("opening never migrates: a schema without the tables is refused with `vellum migrate`; a second init on it is refused")
    func migrations() throws {
        let folder = try Folder()
        let storage = try ScaleOutTestEnvironment.storageFile(in: folder.url)
        defer { ScaleOutTestEnvironment.dropSchema(storage) }
        let dir = DataDirectory(folder.url.appendingPathComponent("data").path)
        try FileManager.default.createDirectory(at: dir.root, withIntermediateDirectories: true)
        try StorageFileCopy.text(of: storage).write(to: dir.storageConfiguration)
        try MasterKey.generate().fileRepresentation.write(to: dir.defaultMasterKey)
        let refused = try #require(throws: VellumError.self) { try ArchiveBackends.open(dir) }
        #expect(refused.reason.contains("run `vellum migrate`"))
        let first = try ArchiveBackends.migrate(dir)
        #expect(first.applied == PostgresSchema.migrations.map(\.version))
        #expect(try ArchiveBackends.migrate(dir).applied.isEmpty)
        let empty = try #require(throws: VellumError.self) { try ArchiveBackends.open(dir) }
        #expect(empty.reason.contains("not a Vellum archive"))

        // An archive in the schema already: a second `init` on the same schema is refused, its folder removed.
        let made = DataDirectory(folder.url.appendingPathComponent("made").path)
        try ArchiveBackends.create(at: made, storage: storage)
        let other = DataDirectory(folder.url.appendingPathComponent("other").path)
        #expect(throws: VellumError.self) { try ArchiveBackends.create(at: other, storage: storage) }
        #expect(!FileManager.default.fileExists(atPath: other.root.path))
    }

    @Test("the bucket locks attachments until retention ends, takes object legal holds with legal holds, and refuses deletion meanwhile")
    func objectLockFollowsPolicy() throws {
        let folder = try Folder()
        let storage = try ScaleOutTestEnvironment.storageFile(in: folder.url)
        defer { ScaleOutTestEnvironment.dropSchema(storage) }
        let dir = DataDirectory(folder.url.appendingPathComponent("data").path)
        try ArchiveBackends.create(at: dir, storage: storage)
        let archive = try ArchiveBackends.open(dir)
        func file(_ name: String, _ text: String) throws -> URL {
            let url = folder.url.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url
        }
        try DirectoryService(archive: archive).importFile(try file("d.yaml", """
            employees:
              - id: E1001
                name: Zhang Wei
                jurisdiction: HK
                handles:
                  whatsapp: "+85291230001"
            """), actor: "t")
        try PolicyService(archive: archive).apply(try file("policy.yaml", """
            organisation:
              name: Harbour Bridge Ltd
              country: HK
            retention:
              rules:
                - id: all-comms
                  period: 3y
                  basis: Firm minimum for business chat
            """), actor: "cco")
        _ = try FileImporter(ingestor: try Ingestor(archive: archive), format: .jsonl).importFile(try file("in.jsonl", Self.lines))
        let store = try #require(archive.blobs as? S3BlobStore)
        let ref = try #require(try store.allRefs().first)
        // Sent 2026-11-02 (HK time, 01:00 UTC), kept through 2029-11-02: locked until the next UTC midnight.
        let head = try #require(try store.head(of: ref))
        #expect(head.lockMode == "COMPLIANCE" && !head.legalHold)
        #expect(head.retainUntil == Date(timeIntervalSince1970: Double(CalendarDay("2029-11-03")!.daysSinceEpoch) * 86_400))

        let hold = try HoldService(archive: archive).create(
            matter: "HSBC v Harbour", reason: "litigation", scope: HoldScope(externalParties: ["+852 9876 0002"]),
            actor: "legal", on: CalendarDay("2026-11-29")!)
        let placed = try ObjectLockService(archive: archive).sync(on: CalendarDay("2026-11-29")!)
        // The attachment and the segment holding both sealed records (copied by the import itself).
        #expect(placed.holds_placed == 2 && placed.blobs == 1 && placed.segments == 1 && placed.records_copied == 0 && placed.missing == 0)
        #expect(try store.head(of: ref)?.legalHold == true)
        let segment = try #require(try store.objectNames(prefix: "segments/").first)
        let segmentHead = try #require(try store.client.headObject(key: "blobs/" + segment))
        #expect(segmentHead.lockMode == "COMPLIANCE" && segmentHead.legalHold && segmentHead.retainUntil == head.retainUntil)
        let verified = try Verifier(archive: archive).verify()
        #expect(verified.ok && verified.worm_copies == 2, "\(verified.problems)")
        let refused = try #require(throws: BlobLockedError.self) { try archive.blobs.delete(ref) }
        #expect(refused.lock?.legalHold == true)

        _ = try HoldService(archive: archive).release(hold.id, reason: "settled", actor: "legal", on: CalendarDay("2026-11-30")!)
        #expect(try ObjectLockService(archive: archive).sync(on: CalendarDay("2026-11-30")!).holds_lifted == 2)
        #expect(try store.head(of: ref)?.legalHold == false)
        #expect(throws: BlobLockedError.self, "still within retention") { try archive.blobs.delete(ref) }
        #expect(try store.get(ref) != nil)
    }
}
