import ArgumentParser
import Foundation
import VellumApp
import VellumCore
import VellumPolicy

struct HoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hold",
        abstract: "Legal holds: what they cover is kept whatever retention or an erasure request says.",
        subcommands: [Create.self, List.self, Release.self])

    static func today() -> CalendarDay { CalendarDay(utc: Timestamp(date: Date())) }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a hold (ledgered).")
        @OptionGroup var archive: ArchiveOptions
        @Option(help: "The matter: case, inquiry or investigation.") var matter: String
        @Option(help: "Why the hold is needed.") var reason: String
        @Option(help: "litigation, regulatory_inquiry, internal_investigation or law_enforcement_preservation.")
        var kind = "litigation"
        @Option(help: "Employee ids whose messages are held (repeatable).") var custodian: [String] = []
        @Option(help: "External people by any identifier: phone, WeCom id, email (repeatable).") var party: [String] = []
        @Option(help: "Conversation ids (repeatable).") var conversation: [String] = []
        @Option(help: "Only these channels (repeatable).") var channel: [String] = []
        @Option(help: "From this day, YYYY-MM-DD.") var since: String?
        @Option(help: "Through this day, YYYY-MM-DD.") var until: String?
        @Option(help: "Only messages matching these words or \"phrases\".") var query: String?
        @OptionGroup var actor: ActorOption
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard HoldKind(rawValue: kind) != nil else { throw ValidationError("--kind: unknown kind \(kind)") }
            for c in channel where Channel(rawValue: c) == nil { throw ValidationError("--channel: unknown channel \(c)") }
            for d in [since, until].compactMap({ $0 }) where CalendarDay(d) == nil {
                throw ValidationError("expected a date like 2026-03-01, got \(d)")
            }
        }

        func run() throws {
            let scope = HoldScope(
                custodians: Set(custodian), externalParties: Set(party), conversations: Set(conversation),
                channels: channel.isEmpty ? nil : Set(channel.compactMap(Channel.init)),
                dates: since == nil && until == nil
                    ? nil : DateRange(from: since.flatMap(CalendarDay.init), through: until.flatMap(CalendarDay.init)),
                query: query)
            let opened = try archive.open()
            let hold = try HoldService(archive: opened).create(
                matter: matter, reason: reason, kind: HoldKind(rawValue: kind)!, scope: scope, actor: actor.name,
                on: HoldCommand.today())
            print("Hold \(hold.id) created for \(hold.matter).")
            try ObjectLockCommand.syncIfLocking(opened)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List holds, released ones included.")
        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let today = HoldCommand.today()
            let rows = try HoldService(archive: try archive.open()).list().map { HoldSummary($0, today: today) }
            if output.json { return try Output.json(rows) }
            if rows.isEmpty { print("No holds.") }
            for r in rows {
                print("\(r.id) [\(r.active ? "active" : "released \(r.released ?? "")")] \(r.matter): \(r.reason)")
                print("    \(r.scope)")
            }
        }
    }

    struct Release: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Release a hold (ledgered).")
        @OptionGroup var archive: ArchiveOptions
        @Argument(help: "The hold id (H1, H2 …).") var id: String
        @Option(help: "Why it is released.") var reason: String
        @OptionGroup var actor: ActorOption

        func run() throws {
            let opened = try archive.open()
            let hold = try HoldService(archive: opened).release(
                id, reason: reason, actor: actor.name, on: HoldCommand.today())
            print("Hold \(hold.id) released.")
            try ObjectLockCommand.syncIfLocking(opened)
        }
    }
}
