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
    @Option(help: "The capturing account: a WeCom corp id, the exporting phone number, a bot's name.")
    var account: String?
    @Option(help: "The IANA time zone of an export's local times (e.g. Asia/Hong_Kong).")
    var timezone: String?
    @Option(help: "The chat's name, for exports that do not carry it.")
    var chat: String?
    @Option(help: "signal-cli's attachment folder (e.g. ~/.local/share/signal-cli/attachments): attachments are read from it and sealed with their messages.")
    var attachments: String?
    @Option(help: ArgumentHelp(
        "Messages per committed batch (the first batches are smaller: 1,000, then twice as many each time).",
        discussion: "Each batch is synced to disk before it counts as imported. Larger batches write less per message and load an archive faster, but hold the archive's writer longer: while a server takes webhooks on the same archive, a smaller batch (500, say) keeps their answers quick. A batch also ends once it holds \(FileImporter.defaultBatchBytes >> 20) MiB of input."))
    var batch: Int = FileImporter.defaultBatchSize
    @OptionGroup var output: OutputOptions
    @Argument(help: "The files to import.") var files: [String]

    func validate() throws {
        guard ImportFormat(rawValue: format) != nil else { throw ValidationError("unknown format \(format)") }
        guard !files.isEmpty else { throw ValidationError("name at least one file") }
        guard (1 ... 100_000).contains(batch) else { throw ValidationError("--batch: between 1 and 100000 messages") }
        if let attachments {
            guard format == ImportFormat.signalCLI.rawValue else { throw ValidationError("--attachments is for --format signal-cli") }
            var folder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: attachments, isDirectory: &folder), folder.boolValue else {
                throw ValidationError("--attachments: \(attachments) is not a folder")
            }
        }
        if let timezone, TimeZone(identifier: timezone) == nil {
            throw ValidationError("--timezone: unknown time zone \(timezone); use an IANA name such as Asia/Hong_Kong")
        }
    }

    func run() throws {
        let importer = FileImporter(
            ingestor: try Ingestor(archive: try archive.open()), format: ImportFormat(rawValue: format)!,
            options: ImportOptions(account: account, timeZone: timezone, chat: chat, attachments: attachments),
            batchSize: batch)
        var total = ImportSummary()
        for file in files {
            let url = URL(fileURLWithPath: file)
            let s = try importer.importFile(
                url,
                progress: { s in Output.progress("\(file): \(s.lines) lines committed") },
                issue: { Output.progress("quarantined: \($0)") },
                note: { Output.progress("note: \($0)") })
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
