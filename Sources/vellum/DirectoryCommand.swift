import ArgumentParser
import Foundation
import VellumApp

struct DirectoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "directory", abstract: "The employee directory that tells employees from external contacts.",
        subcommands: [Import.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import employees from a YAML or CSV file.")
        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var actor: ActorOption
        @OptionGroup var output: OutputOptions
        @Argument(help: "A .yaml/.yml or .csv file.") var file: String

        func run() throws {
            let n = try DirectoryService(archive: try archive.open()).importFile(URL(fileURLWithPath: file), actor: actor.name)
            if output.json { return try Output.json(["employees": n]) }
            print("\(n) employees imported")
        }
    }
}
