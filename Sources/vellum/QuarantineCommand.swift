import ArgumentParser
import Foundation
import VellumApp

struct QuarantineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarantine", abstract: "What could not be read: list it, or process it again.",
        subcommands: [List.self, Retry.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List quarantined input with file, line and reason.")
        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let items = try QuarantineService(archive: try archive.open()).list()
            if output.json { return try Output.json(items) }
            let open = items.filter { $0.status == "open" }.count
            print("\(items.count) quarantined (\(open) open)")
            for q in items {
                print("#\(q.id) [\(q.status)] \(q.file):\(q.line): " + (q.field.map { "field `\($0)`: " } ?? "") + q.reason
                    + (q.resolved_record.map { " → \($0)" } ?? ""))
            }
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Parse open items again; what now reads is imported.")
        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var actor: ActorOption
        @OptionGroup var output: OutputOptions

        func run() throws {
            let s = try QuarantineService(archive: try archive.open()).retry(actor: actor.name)
            if output.json { return try Output.json(s) }
            print("\(s.retried) retried: \(s.resolved) resolved, \(s.still_quarantined) still quarantined")
        }
    }
}
