import Foundation
import Testing
import VellumApp

@Suite("The vellum command line on PostgreSQL + S3", .enabled(if: ScaleOutTestEnvironment.isAvailable,
    "no PostgreSQL and S3 servers: VELLUM_TEST_PG_* and VELLUM_TEST_S3_* unset (scripts/postgres.sh, scripts/seaweedfs.sh)"))
struct ScaleOutCLITests {
    /// The `vellum` binary built beside the tests.
    static func vellum(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = ProcessInfo.processInfo.environment["VELLUM_BINARY"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("vellum")
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test("init --storage, migrate, import, search and verify through the binary; nothing of the archive in the folder")
    func cli() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-cli-scaleout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let storage = try ScaleOutTestEnvironment.storageFile(in: folder)
        defer { ScaleOutTestEnvironment.dropSchema(storage) }
        let data = folder.appendingPathComponent("data").path
        let input = folder.appendingPathComponent("in.jsonl")
        try Data(PostgresS3ArchiveTests.lines.utf8).write(to: input)

        let initialized = try Self.vellum(["init", "--data", data, "--storage", storage.path, "--json"])
        #expect(initialized.status == 0, "\(initialized.err)")
        let migrated = try Self.vellum(["migrate", "--data", data, "--json"])
        #expect(migrated.status == 0 && migrated.out.contains(#""applied":[]"#), "\(migrated.out) \(migrated.err)")
        let imported = try Self.vellum(["import", "--data", data, "--format", "jsonl", input.path, "--json"])
        #expect(imported.out.contains(#""imported":2"#), "\(imported.out) \(imported.err)")
        let found = try Self.vellum(["search", "--data", data, "合同", "--json"])
        #expect(found.out.contains(#""total":1"#) && found.out.contains(#""source_id":"w1""#), "\(found.out) \(found.err)")
        let verified = try Self.vellum(["verify", "--data", data, "--json"])
        #expect(verified.status == 0 && verified.out.contains(#""ok":true"#), "\(verified.out) \(verified.err)")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: data))
        #expect(files == ["master.key", "storage.yaml", "tree-head.json"])

        // A hold reaches the bucket at once: the held conversation's attachment and its records' segment get object legal holds.
        let held = try Self.vellum(["hold", "create", "--data", data, "--matter", "M-1", "--reason", "litigation", "--conversation", "c1"])
        #expect(held.status == 0 && held.out.contains("legal hold placed on 2"), "\(held.out) \(held.err)")
        // Nothing committed since: the next run examines nothing; a full one finds every lock as it should be.
        let locks = try Self.vellum(["retention", "locks", "--data", data, "--json"])
        #expect(locks.status == 0 && locks.out.contains(#""full":false"#) && locks.out.contains(#""blobs":0"#), "\(locks.out) \(locks.err)")
        let full = try Self.vellum(["retention", "locks", "--data", data, "--full", "--json"])
        #expect(full.status == 0 && full.out.contains(#""holds_placed":0"#) && full.out.contains(#""blobs":1"#), "\(full.out) \(full.err)")
    }

    @Test("migrate-archive through the binary: the embedded archive moves, and the new data directory serves every command")
    func migrateArchive() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-cli-migrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let storage = try ScaleOutTestEnvironment.storageFile(in: folder)
        defer { ScaleOutTestEnvironment.dropSchema(storage) }
        let embedded = folder.appendingPathComponent("embedded").path
        let input = folder.appendingPathComponent("in.jsonl")
        try Data(PostgresS3ArchiveTests.lines.utf8).write(to: input)
        #expect(try Self.vellum(["init", "--data", embedded]).status == 0)
        #expect(try Self.vellum(["import", "--data", embedded, "--format", "jsonl", input.path]).status == 0)

        let moved = try Self.vellum(["migrate-archive", "--from", embedded, "--to", storage.path, "--json"])
        #expect(moved.status == 0 && moved.out.contains(#""verified":true"#) && moved.out.contains(#""records":2"#), "\(moved.out) \(moved.err)")
        let found = try Self.vellum(["search", "--data", embedded + "-scaleout", "合同", "--json"])
        #expect(found.out.contains(#""total":1"#), "\(found.out) \(found.err)")
        let again = try Self.vellum(["migrate-archive", "--from", embedded, "--to", storage.path, "--data", folder.appendingPathComponent("x").path])
        #expect(again.status != 0 && again.err.contains("already holds an archive"), "\(again.err)")
    }
}
