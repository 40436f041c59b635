import ArgumentParser
import Foundation
import VellumApp
import VellumCore
import VellumPolicy

struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "Defensible disposition: delete what the policy no longer requires and no hold protects.",
        subcommands: [Run.self, ObjectLockCommand.self])

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Dispose of records whose retention ended; erase restricted records whose obstacle ended.",
            discussion: """
                Each removed record is crypto-shredded (its key deleted, its blobs and index tokens removed), \
                gets a ledger entry, and is listed in a disposition certificate written to \
                DATA/certificates/ (or --certificate). `vellum verify` accounts for every removal afterwards.
                """)
        @OptionGroup var archive: ArchiveOptions
        @Flag(help: "Decide and report, change nothing.") var dryRun = false
        @Option(help: "Decide as of this day, YYYY-MM-DD (only with --dry-run: what would go then).") var asOf: String?
        @Option(help: "Write the certificate here instead of DATA/certificates/.") var certificate: String?
        @OptionGroup var actor: ActorOption
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let asOf {
                guard CalendarDay(asOf) != nil else { throw ValidationError("--as-of: expected a date like 2031-01-01, got \(asOf)") }
                guard dryRun else { throw ValidationError("--as-of only goes with --dry-run: records are removed on the day they are due") }
            }
        }

        func run() throws {
            let day = asOf.flatMap(CalendarDay.init) ?? HoldCommand.today()
            let service = RetentionService(archive: try archive.open())
            let report = try service.run(on: day, dryRun: dryRun, actor: actor.name) { examined in
                if examined % 50_000 == 0 { Output.progress("\(examined) records decided") }
            }
            let written = dryRun ? nil : try service.writeCertificate(report, to: certificate.map { URL(fileURLWithPath: $0) })
            if output.json {
                try Output.json(report)
                if let written { Output.progress("certificate: \(written.path)") }
                return
            }
            print("\(dryRun ? "Would remove" : "Removed") \(report.records.count) of \(report.examined) records on \(report.day): "
                + "\(report.disposed) disposed (retention ended), \(report.erased) erased (erasure request, obstacle ended).")
            print("Kept: \(report.kept.hold) under legal hold, \(report.kept.retention) within retention, "
                + "\(report.kept.undecided) with no rule (kept until someone decides), \(report.kept.restricted) restricted.")
            for r in report.records.prefix(20) {
                print("  \(r.id)  \(r.channel)  \(r.reason) \(r.basis)" + (r.retained_until.map { "  retained until \($0)" } ?? ""))
            }
            if report.records.count > 20 { print("  … and \(report.records.count - 20) more (see the certificate or --json)") }
            if let written { print("Certificate: \(written.path)") }
            if let deferred = report.blobs_deferred, deferred > 0 {
                print("\(deferred) attachment(s) of removed records are still locked by the storage; they are unreadable "
                    + "(their keys are destroyed) and are deleted when the lock ends.")
            }
            if let locks = report.object_lock { ObjectLockCommand.describe(locks) }
            if report.files_reclaimed == false {
                print("Note: another process was reading the archive, so the write-ahead log still holds the removed "
                    + "pages; they go with the next checkpoint (run `vellum retention run` again when it is idle).")
            }
        }
    }
}
