public import Foundation
public import VellumApp
import VellumCore
import VellumCrypto
import VellumPolicy
import VellumPostgres
import VellumS3
import VellumSQLite
import VellumStore

/// `vellum migrate-archive`: copies an embedded archive, exactly as it is, to PostgreSQL + S3.
///
/// Nothing is re-sealed or re-ledgered: rows and sealed blobs move byte for byte under the same
/// master key, so every commitment, ledger leaf and signed tree head stays valid and the copy
/// verifies against the same tree-head checkpoint. The source is only read (one snapshot) and is
/// verified before; the target must be an empty schema; the rows go in one PostgreSQL transaction,
/// and the target is verified after and compared with the source (record count, ledger size,
/// signed root, rows per table). On any failure the new data directory is removed and the schema
/// stays empty; blobs already written to the bucket stay (Object Lock may forbid deleting them),
/// sealed under keys nothing else holds.
public enum ArchiveMigration {
    public struct Report: Sendable, Codable, Hashable {
        public var from: String
        public var to: String
        public var data: String
        public var records: Int
        public var removed: Int
        public var ledger_entries: UInt64
        /// The root of the latest signed tree head, the same on both sides (hex).
        public var tree_root: String
        public var blobs: Int
        /// Rows copied per table (tables without rows are left out).
        public var rows: [String: Int]
        public var verified: Bool
        /// The bucket's locks after the copy, set from the policy and holds the archive carries.
        public var object_lock: ObjectLockService.Report?
        public var seconds: Double
    }

    /// Copies the embedded archive at `source` to the backend `storage` names, into the new data
    /// directory `target` (which gets the storage file, a copy of the master key unless
    /// `masterKeyFile` keeps it elsewhere, and the tree-head checkpoint).
    public static func migrate(
        from source: DataDirectory, masterKeyFile: URL? = nil, storage: URL, into target: DataDirectory,
        progress: (String) -> Void = { _ in }
    ) throws -> Report {
        let started = Date()
        let fm = FileManager.default
        guard !fm.fileExists(atPath: source.storageConfiguration.path) else {
            throw VellumError(.refused, "\(source.root.path) is not an embedded archive (it has a storage.yaml); nothing to migrate")
        }
        let configuration = try StorageConfiguration.load(storage)
        guard case .postgresS3(let pg, let s3, _) = configuration.backend else {
            throw VellumError(.invalidInput, "\(storage.path) names `storage: sqlite`; migrate-archive moves an archive to postgres+s3")
        }
        if fm.fileExists(atPath: target.root.path), !((try? fm.contentsOfDirectory(atPath: target.root.path)) ?? []).isEmpty {
            throw VellumError(.alreadyExists, "\(target.root.path) already exists and is not empty; refusing to touch it")
        }
        let from = try Archive.open(source, masterKeyFile: masterKeyFile)
        guard let sqlite = from.store as? SQLiteArchiveStore else {
            throw VellumError(.refused, "\(source.root.path) is not an embedded SQLite archive")
        }
        progress("verifying the source archive")
        let before = try Verifier(archive: from).verify()
        guard before.ok else {
            throw VellumError(.integrity, "the source archive does not verify (\(before.problems.count) problem(s), first: "
                + "\(before.problems[0])); run `vellum verify --data \(source.root.path)` and resolve that first")
        }
        let sourceHead = try from.store.read { try $0.latestTreeHead() }

        try fm.createDirectory(at: target.root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        do {
            let keyFile = masterKeyFile ?? source.defaultMasterKey
            guard let keyBytes = fm.contents(atPath: keyFile.path) else {
                throw VellumError(.notFound, "cannot read the master key file \(keyFile.path)")
            }
            if masterKeyFile == nil { try Archive.writePrivateFile(keyBytes, to: target.defaultMasterKey) }
            try Archive.writePrivateFile(try StorageFileCopy.text(of: storage), to: target.storageConfiguration)
            let to = try ArchiveBackends.assemble(configuration, target, try MasterKey(fileContents: keyBytes), migrating: true)
            guard let postgres = to.store as? PostgresArchiveStore else {
                throw VellumError(.refused, "the target is not PostgreSQL")
            }

            let refs = try from.blobs.allRefs()
            progress("copying \(refs.count) sealed blobs to the bucket")
            for (i, ref) in refs.enumerated() {
                guard let sealed = try from.blobs.get(ref) else { continue }
                guard try to.blobs.put(sealed) == ref else {
                    throw VellumError(.integrity, "blob \(ref) changed in the copy")
                }
                if (i + 1) % 1000 == 0 { progress("\(i + 1) of \(refs.count) blobs copied") }
            }

            progress("copying the tables in one transaction")
            var copied = 0
            let rows = try postgres.restore { sink in
                try sqlite.dump { chunk in
                    try sink(chunk)
                    copied += chunk.rows.count
                    if copied % 50_000 < chunk.rows.count { progress("\(copied) rows copied") }
                }
            }
            let expected = try sqlite.rowCounts().filter { $0.value > 0 }
            guard rows == expected else {
                throw VellumError(.integrity, "rows copied \(rows) differ from the source's \(expected)")
            }

            progress("verifying the copy")
            if fm.fileExists(atPath: source.checkpoint.path) {
                try fm.copyItem(at: source.checkpoint, to: target.checkpoint)
            }
            let after = try Verifier(archive: to).verify()
            let targetHead = try to.store.read { try $0.latestTreeHead() }
            guard after.ok else {
                throw VellumError(.integrity, "the copy does not verify (\(after.problems.count) problem(s), first: \(after.problems[0]))")
            }
            guard after.records == before.records, after.ledger_entries == before.ledger_entries, after.removed == before.removed,
                targetHead?.root == sourceHead?.root, targetHead?.size == sourceHead?.size
            else {
                throw VellumError(.integrity, "the copy's records, ledger or signed root differ from the source's")
            }
            let locks = ObjectLockService(archive: to)
            let lockReport = locks.lockingStore == nil ? nil : try locks.sync(on: CalendarDay(utc: Timestamp(date: Date())))
            return Report(
                from: source.root.path, to: "PostgreSQL \(pg) + bucket \(s3.bucket) at \(s3.endpoint.absoluteString)", data: target.root.path, records: after.records,
                removed: after.removed, ledger_entries: after.ledger_entries, tree_root: targetHead?.root.hexString ?? "",
                blobs: refs.count, rows: rows, verified: true, object_lock: lockReport,
                seconds: Date().timeIntervalSince(started))
        } catch {
            try? fm.removeItem(at: target.root)
            throw error
        }
    }
}
