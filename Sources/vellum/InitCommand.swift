import ArgumentParser
import Foundation
import VellumApp

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a new archive and its master key (refuses an existing one).")

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let dir = try archive.directory
        let keyFile = try Archive.create(at: dir, masterKeyFile: archive.keyFile)
        if output.json {
            try Output.json(["data": dir.root.path, "master_key_file": keyFile.path])
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
