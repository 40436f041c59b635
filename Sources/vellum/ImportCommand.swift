import ArgumentParser
import Foundation
import VellumApp

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import message files; every line is imported, a duplicate, or quarantined.")

    @OptionGroup var archive: ArchiveOptions
    @Option(help: "The files' format: \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String = "jsonl"
    @OptionGroup var output: OutputOptions
    @Argument(help: "The files to import.") var files: [String]

    func validate() throws {
        guard ImportFormat(rawValue: format) != nil else { throw ValidationError("unknown format \(format)") }
        guard !files.isEmpty else { throw ValidationError("name at least one file") }
    }

    func run() throws {
        let importer = FileImporter(ingestor: try Ingestor(archive: try archive.open()), format: ImportFormat(rawValue: format)!)
        var total = ImportSummary()
        for file in files {
            let url = URL(fileURLWithPath: file)
            let s = try importer.importFile(
                url,
                progress: { s in Output.progress("\(file): \(s.lines) lines committed") },
                issue: { Output.progress("quarantined: \($0)") })
            total.imported += s.imported
            total.duplicates += s.duplicates
            total.quarantined += s.quarantined
        }
        if output.json {
            try Output.json(total)
        } else {
            print("\(total.imported) imported, \(total.duplicates) duplicates, \(total.quarantined) quarantined")
            if total.quarantined > 0 { print("See them with `vellum quarantine list`.") }
        }
    }
}
