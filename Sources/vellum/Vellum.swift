import ArgumentParser
import Foundation
import VellumApp
import VellumBackends
import VellumCore

#if canImport(Glibc)
    import Glibc
#endif

@main
struct Vellum: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vellum",
        abstract: "A self-hosted, encrypted, tamper-evident compliance archive for business chat.",
        subcommands: [
            InitCommand.self, ImportCommand.self, SearchCommand.self, SearchesCommand.self, ShowCommand.self, VerifyCommand.self,
            QuarantineCommand.self, DirectoryCommand.self, AlertsCommand.self, UsageCommand.self, ScanCommand.self, PolicyCommand.self, WeComCommand.self, CaptureHealthCommand.self, MediaCommand.self, HoldCommand.self, RetentionCommand.self, PrivacyCommand.self, ExportCommand.self, VerifyExportCommand.self, ServeCommand.self, UsersCommand.self, MigrateCommand.self, MigrateArchiveCommand.self, DemoCommand.self,
        ])

    static func main() async {
        umask(0o077)  // everything Vellum writes is private to its user
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let error as VellumError {
            FileHandle.standardError.write(Data("error: \(error.reason)\n".utf8))
            Foundation.exit(error.code == .keyMismatch ? 3 : 2)
        } catch {
            exit(withError: error)
        }
    }
}

/// Where the archive is and how to open it.
struct ArchiveOptions: ParsableArguments {
    @Option(help: "The archive's data directory (default: $VELLUM_DATA).")
    var data: String?

    @Option(help: "The master key file (default: $VELLUM_MASTER_KEY_FILE, else DATA/master.key).")
    var masterKeyFile: String?

    var directory: DataDirectory {
        get throws {
            guard let path = data ?? ProcessInfo.processInfo.environment["VELLUM_DATA"], !path.isEmpty else {
                throw ValidationError("give the archive with --data DIR or VELLUM_DATA")
            }
            return DataDirectory(path)
        }
    }

    var keyFile: URL? {
        (masterKeyFile ?? ProcessInfo.processInfo.environment["VELLUM_MASTER_KEY_FILE"]).map {
            URL(fileURLWithPath: $0)
        }
    }

    /// Opens the archive on the backend its data directory names (`storage.yaml`, else SQLite).
    func open() throws -> Archive {
        let dir = try directory
        for warning in ArchiveBackends.warnings(dir) { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        return try ArchiveBackends.open(dir, masterKeyFile: keyFile)
    }
}

struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON for machines instead of text for people.")
    var json = false
}

struct ActorOption: ParsableArguments {
    @Option(help: "Who is reading, for the access log (default: the OS user).")
    var actor: String?

    var name: String {
        actor ?? ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.userName
    }
}

enum Output {
    static func json(_ value: some Encodable) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try e.encode(value), as: UTF8.self))
    }

    static func progress(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
