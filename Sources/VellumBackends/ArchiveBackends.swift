public import Foundation
public import VellumApp
import VellumCore
import VellumCrypto
import VellumPostgres
import VellumS3

/// Opens an archive on the backend its data directory names: the embedded SQLite store, or
/// PostgreSQL + S3 when `storage.yaml` says `storage: postgres+s3`.
///
/// The data directory keeps what is local to a deployment in either case: the master key (unless
/// kept elsewhere), the tree-head checkpoint (so a rolled-back database shows), and `storage.yaml`.
/// Several `vellum serve` processes share one PostgreSQL schema and one bucket, each with its own
/// data directory holding the same master key and storage file.
public enum ArchiveBackends {
    /// Opens an existing archive. Connection, credential and Object Lock problems surface here.
    public static func open(_ dir: DataDirectory, masterKeyFile: URL? = nil) throws -> Archive {
        try Archive.open(dir, masterKeyFile: masterKeyFile, assemble: assembler(for: dir))
    }

    /// Creates an archive. With `storage`, that file is copied into the data directory (0600, its
    /// relative `*_file` paths made absolute) and its backend is migrated and initialized; a
    /// backend that already holds an archive is refused.
    @discardableResult
    public static func create(at dir: DataDirectory, masterKeyFile: URL? = nil, storage: URL? = nil) throws -> URL {
        guard let storage else { return try Archive.create(at: dir, masterKeyFile: masterKeyFile) }
        let configuration = try StorageConfiguration.load(storage)
        let text = try StorageFileCopy.text(of: storage)
        return try Archive.create(
            at: dir, masterKeyFile: masterKeyFile,
            prepare: { dir in try Archive.writePrivateFile(text, to: dir.storageConfiguration) },
            assemble: { dir, master in try Self.assemble(configuration, dir, master, migrating: true) })
    }

    /// Brings the backend's schema up to date; returns the versions applied (none for SQLite, whose
    /// migrations run when it opens).
    public static func migrate(_ dir: DataDirectory) throws -> (backend: String, applied: [Int]) {
        guard FileManager.default.fileExists(atPath: dir.storageConfiguration.path) else {
            guard dir.exists else { throw VellumError(.notFound, "no archive at \(dir.root.path)") }
            return ("sqlite", [])
        }
        switch try StorageConfiguration.load(dir.storageConfiguration).backend {
        case .sqlite: return ("sqlite", [])
        case .postgresS3(let postgres, _, _):
            let pool = PostgresPool(configuration: postgres)
            defer { pool.close() }
            return ("postgres+s3 (\(postgres))", try PostgresMigrator.migrate(pool))
        }
    }

    /// The storage file's warnings (secret files others may read), for the operator; empty for
    /// the embedded archive.
    public static func warnings(_ dir: DataDirectory) -> [String] {
        (try? StorageConfiguration.load(dir.storageConfiguration))?.warnings ?? []
    }

    static func assembler(for dir: DataDirectory) throws -> Archive.Assembler {
        guard FileManager.default.fileExists(atPath: dir.storageConfiguration.path) else { return Archive.embedded }
        let configuration = try StorageConfiguration.load(dir.storageConfiguration)
        return { dir, master in try Self.assemble(configuration, dir, master, migrating: false) }
    }

    static func assemble(_ configuration: StorageConfiguration, _ dir: DataDirectory, _ master: MasterKey, migrating: Bool)
        throws -> Archive
    {
        switch configuration.backend {
        case .sqlite:
            return try Archive.embedded(dir, master)
        case .postgresS3(let postgres, let s3, let lock):
            let pool = PostgresPool(configuration: postgres)
            if migrating {
                try PostgresMigrator.migrate(pool)
            } else {
                try requireCurrentSchema(pool)
            }
            let blobs = try S3BlobStore(client: S3Client(configuration: s3), options: lock)
            return Archive(
                store: PostgresArchiveStore(pool: pool), blobs: blobs, master: master, checkpoint: dir.checkpoint,
                accounts: PostgresAccountStore(pool: pool), leases: PostgresLeaseStore(pool: pool))
        }
    }

    /// Opening never changes the schema: an out-of-date one is refused with the command that fixes it.
    static func requireCurrentSchema(_ pool: PostgresPool) throws {
        let applied: Set<Int>
        do {
            applied = Set(try PostgresMigrator.appliedVersions(pool))
        } catch let e as PostgresStoreError where e.sqlState == "42P01" || e.sqlState == "3F000" {
            applied = []  // no migrations table (or no schema) yet
        }
        let missing = PostgresSchema.migrations.map(\.version).filter { !applied.contains($0) }
        guard missing.isEmpty else {
            throw VellumError(
                .configuration,
                "the PostgreSQL schema \(pool.configuration.schema) at \(pool.configuration.target) lacks migrations "
                    + "\(missing.map(String.init).joined(separator: ", ")); run `vellum migrate`")
        }
    }
}
