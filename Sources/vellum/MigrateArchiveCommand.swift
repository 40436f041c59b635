import ArgumentParser
import Foundation
import VellumApp
import VellumBackends

/// `vellum migrate-archive`: moves an embedded archive to PostgreSQL + S3, byte for byte, verified.
struct MigrateArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate-archive",
        abstract: "Copy an embedded (SQLite) archive to PostgreSQL + S3 Object Lock, verified before and after.",
        discussion: """
            Rows and sealed blobs are copied as they are under the same master key: every commitment, ledger \
            leaf and signed tree head stays valid. The source is only read; stop `vellum serve` on it first, \
            since messages arriving during the copy would stay behind. The target schema must be empty \
            (`vellum migrate` is run for it). The new data directory gets the storage file, a copy of the \
            master key (unless --master-key-file keeps it elsewhere) and the tree-head checkpoint; serve from \
            it afterwards. On failure nothing is left in the schema and the new directory is removed.
            """)

    @Option(help: "The embedded archive's data directory.") var from: String
    @Option(help: "The storage file (docs/storage.md) naming the PostgreSQL schema and the S3 bucket.") var to: String
    @Option(help: "The new data directory for the migrated archive (default: FROM-scaleout).") var data: String?
    @Option(help: "The master key file, if it is not in the source's data directory (used for both).")
    var masterKeyFile: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        let source = DataDirectory(from)
        let target = DataDirectory(data ?? source.root.standardizedFileURL.path + "-scaleout")
        let report = try ArchiveMigration.migrate(
            from: source, masterKeyFile: masterKeyFile.map { URL(fileURLWithPath: $0) }, storage: URL(fileURLWithPath: to),
            into: target, progress: Output.progress)
        if output.json { return try Output.json(report) }
        print("Migrated \(report.records) records (\(report.removed) removals, \(report.ledger_entries) ledger entries, "
            + "\(report.blobs) blobs) to \(report.to) in \(String(format: "%.1f", report.seconds)) s.")
        print("Verified: the copy's ledger ends at the same signed root \(report.tree_root.prefix(16))….")
        if let locks = report.object_lock { ObjectLockCommand.describe(locks) }
        print("Serve it with: vellum serve --data \(report.data)")
    }
}
