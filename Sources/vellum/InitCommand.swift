import ArgumentParser
import Foundation
import VellumApp
import VellumBackends

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a new archive and its master key (refuses an existing one).")

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp(
        "A storage file naming the backend (`storage: postgres+s3`, see docs/storage.md); copied into the data directory. Default: SQLite inside it.",
        valueName: "FILE"))
    var storage: String?

    func run() throws {
        let dir = try archive.directory
        let keyFile = try ArchiveBackends.create(
            at: dir, masterKeyFile: archive.keyFile, storage: storage.map { URL(fileURLWithPath: $0) })
        if output.json {
            try Output.json(["data": dir.root.path, "master_key_file": keyFile.path, "storage": storage == nil ? "sqlite" : "storage.yaml"])
        } else {
            print("""
                Created an archive in \(dir.root.path).
                Master key: \(keyFile.path) (mode 0600). Without it nothing in the archive can be read:
                back it up, and keep it away from the data directory in production
                (--master-key-file or VELLUM_MASTER_KEY_FILE).
                """)
        }
    }
}
