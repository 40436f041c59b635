import ArgumentParser
import Foundation
import VellumApp
import VellumCore

struct UsageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "usage",
        abstract: "Which channels each employee uses, per day, and which capturing accounts went silent.")

    @OptionGroup var archive: ArchiveOptions
    @Option(help: "First day to include, YYYY-MM-DD (default: everything).") var since: String?
    @Option(help: "Days without a message after which a capturing account counts as silent.")
    var silentAfter: Int = 7
    @Option(help: "Approved channels, comma-separated (default: all).") var approved: String?
    @OptionGroup var actor: ActorOption
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let since, since.count != 10 || Timestamp(rfc3339: since) != nil {
            throw ValidationError("--since: expected YYYY-MM-DD, got \(since)")
        }
        if let since { _ = try DateArgument.parse(since, field: "--since", endOfDay: false) }
        if let approved {
            for name in approved.split(separator: ",") where Channel(rawValue: String(name)) == nil {
                throw ValidationError("--approved: unknown channel \(name)")
            }
        }
    }

    func run() throws {
        let report = try UsageService(archive: try archive.open()).report(
            since: since, approved: approved.map { Set($0.split(separator: ",").compactMap { Channel(rawValue: String($0)) }) },
            silentAfterDays: silentAfter, now: Int64(Date().timeIntervalSince1970 * 1000), actor: actor.name)
        if output.json { return try Output.json(report) }
        if report.employees.isEmpty { print("No employee messages captured\(since.map { " since \($0)" } ?? "").") }
        for e in report.employees {
            print("\(e.employee)\(e.name.map { " (\($0))" } ?? "")")
            for c in e.channels {
                let flag = c.approved ? "" : "  UNAPPROVED"
                print("  \(c.channel.displayName): \(c.sent) sent, \(c.received) received, \(c.days.count) day\(c.days.count == 1 ? "" : "s"),"
                    + " \(c.first_seen) … \(c.last_seen)\(flag)")
            }
        }
        if !report.accounts.isEmpty { print("Capturing accounts:") }
        for a in report.accounts {
            print("  \(a.channel.displayName) \(a.account): \(a.messages) messages, last \(a.last_seen)"
                + (a.silent ? "  SILENT for more than \(report.silent_after_days) days" : ""))
        }
    }
}
