import ArgumentParser
import Foundation
import VellumApp
import VellumCore
import VellumPolicy

struct PrivacyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy",
        abstract: "Privacy requests (access, erasure, restriction) under GDPR, CCPA or PIPL, and their deadlines.",
        subcommands: [Create.self, List.self, Show.self, Acknowledge.self, Extend.self, Claim.self, CloseClaim.self, Fulfil.self, Refuse.self])

    /// The day an action is recorded for: `--on`, else today (UTC).
    struct DayOption: ParsableArguments {
        @Option(help: "The day it happened, YYYY-MM-DD (default: today).") var on: String?

        func validate() throws {
            if let on, CalendarDay(on) == nil { throw ValidationError("--on: expected a date like 2026-03-01, got \(on)") }
        }

        var day: CalendarDay { on.flatMap(CalendarDay.init) ?? HoldCommand.today() }
    }

    /// One line for people: id, type, law, status and how long is left.
    static func line(_ r: RegisteredPrivacyRequest, today: CalendarDay) -> String {
        let q = r.request
        var text = "\(q.id)  \(q.kind.rawValue)  \(q.law.rawValue)  \(q.status.rawValue)  (received \(q.received))"
        if q.status.isFinal { return text }
        if q.status == .received, let ack = r.deadline.acknowledgeBy { text += "  acknowledge by \(ack)" }
        let left = r.daysLeft(on: today)
        let when = left > 0 ? "\(left) day\(left == 1 ? "" : "s") left" : left == 0 ? "due today" : "OVERDUE by \(-left) day\(left == -1 ? "" : "s")"
        return text + "  due \(r.deadline.due)\(r.deadline.extended ? " (extended)" : "") (\(when))"
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a request (ledgered; identifiers stay sealed).")
        @OptionGroup var archive: ArchiveOptions
        @Option(help: "access, erasure, restriction or correction.") var type: String
        @Option(help: "gdpr, uk-gdpr, ccpa or pipl.") var law: String
        @Option(help: "An identifier of the person: phone, email, WeCom, WhatsApp or Telegram id (repeatable).")
        var subject: [String] = []
        @Option(help: "The day the request arrived, YYYY-MM-DD (default: today).") var received: String?
        @OptionGroup var actor: ActorOption
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard PrivacyRequestKind(rawValue: type) != nil else { throw ValidationError("--type: unknown type \(type)") }
            guard PrivacyLaw(rawValue: law) != nil else { throw ValidationError("--law: unknown law \(law)") }
            guard !subject.isEmpty else { throw ValidationError("give the person with --subject (repeatable)") }
            if let received, CalendarDay(received) == nil {
                throw ValidationError("--received: expected a date like 2026-03-01, got \(received)")
            }
        }

        func run() throws {
            let r = try PrivacyRequestService(archive: try archive.open()).create(
                kind: PrivacyRequestKind(rawValue: type)!, law: PrivacyLaw(rawValue: law)!, subjects: subject,
                received: received.flatMap(CalendarDay.init) ?? HoldCommand.today(), actor: actor.name)
            if output.json { return try Output.json(PrivacyRequestJSON(r)) }
            print("Privacy request \(r.id) registered, due \(r.deadline.due).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List requests with the days left to each due date.")
        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let requests = try PrivacyRequestService(archive: try archive.open()).list()
            if output.json { return try Output.json(requests.map { PrivacyRequestJSON($0) }) }
            if requests.isEmpty { print("No privacy requests.") }
            let today = HoldCommand.today()
            for r in requests { print(PrivacyCommand.line(r, today: today)) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a request, its history and how many archived records its subject takes part in.")
        @OptionGroup var archive: ArchiveOptions
        @Argument(help: "The request id (PR-2026-0001 …).") var id: String
        @OptionGroup var actor: ActorOption
        @OptionGroup var output: OutputOptions

        func run() throws {
            let service = PrivacyRequestService(archive: try archive.open())
            let r = try service.show(id)
            let found = try service.lookup(id, actor: actor.name).records.count
            if output.json { return try Output.json(PrivacyRequestJSON(r, records: found)) }
            print(PrivacyCommand.line(r, today: HoldCommand.today()))
            print("    subjects: \(r.subjects.joined(separator: ", "))")
            print("    \(r.deadline.citation)")
            for (change, by) in zip(r.request.history, r.movedBy) {
                print("    \(change.day) \(change.from.rawValue) → \(change.to.rawValue) by \(by)\(change.note.map { ": \($0)" } ?? "")")
            }
            print("    \(found) archived record\(found == 1 ? "" : "s") with the subject as a participant")
            let restricted = try service.restrictedRecords(id)
            if !restricted.isEmpty {
                print("    \(restricted.count) restricted by this request (erased by `vellum retention run` once nothing keeps them)")
            }
        }
    }

    struct Acknowledge: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record that receipt was confirmed to the person.")
        @OptionGroup var archive: ArchiveOptions
        @Argument(help: "The request id.") var id: String
        @OptionGroup var day: DayOption
        @OptionGroup var actor: ActorOption

        func run() throws {
            let r = try PrivacyRequestService(archive: try archive.open()).acknowledge(id, on: day.day, actor: actor.name)
            print("Privacy request \(r.id) acknowledged; due \(r.deadline.due).")
        }
    }

    struct Extend: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Extend the due date once, before it passes.")
        @OptionGroup var archive: ArchiveOptions
        @Argument(help: "The request id.") var id: String
        @Option(help: "Why more time is needed (told to the person).") var reason: String
        @OptionGroup var day: DayOption
        @OptionGroup var actor: ActorOption

        func run() throws {
            let r = try PrivacyRequestService(archive: try archive.open()).extend(
                id, reason: reason, on: day.day, actor: actor.name)
            print("Privacy request \(r.id) extended; now due \(r.deadline.due).")
        }
    }

    struct Claim: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "claim",
            abstract: "Record that an erasure request's records are needed for a concrete legal claim (kept, restricted).")
        @OptionGroup var archive: ArchiveOptions
        @Argument(help: "The erasure request id.") var id: String
        @Option(help: "Legal's reference for the claim (never shown to the person).") var reference: String
        @Option(help: "When the claim is next reviewed, YYYY-MM-DD.") var reviewBy: String?
        @OptionGroup var actor: ActorOption

        func validate() throws {
            if let reviewBy, CalendarDay(reviewBy) == nil { throw ValidationError("--review-by: expected a date, got \(reviewBy)") }
        }

        func run() throws {
            try PrivacyRequestService(archive: try archive.open()).setLegalClaim(
                id, reference: reference, reviewBy: reviewBy.flatMap(CalendarDay.init), actor: actor.name)
            print("Request \(id): the subject's records are kept for a legal claim until `vellum privacy close-claim \(id)`.")
        }
    }

    struct CloseClaim: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close-claim", abstract: "The legal claim no longer needs the records; the next retention run erases them.")
        @OptionGroup var archive: ArchiveOptions
        @Argument(help: "The erasure request id.") var id: String
        @OptionGroup var day: DayOption
        @OptionGroup var actor: ActorOption

        func run() throws {
            try PrivacyRequestService(archive: try archive.open()).closeLegalClaim(id, on: day.day, actor: actor.name)
            print("Request \(id): legal claim closed; `vellum retention run` erases what nothing else keeps.")
        }
    }

    struct Fulfil: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Carry out a request today and mark it fulfilled.",
            discussion: """
                access: writes access.json, access.html and the files into --out (other people redacted). \
                erasure: decides each record (legal hold, then retention, else erase), crypto-shreds what nothing \
                keeps, restricts the rest until its obstacle ends (`retention run` erases it then), and writes \
                the decision letter into --out if given (else prints it). restriction: restricts every record found.
                """)
        @OptionGroup var archive: ArchiveOptions
        @Argument(help: "The request id.") var id: String
        @Option(help: "A new folder for the access package or the decision letter.") var out: String?
        @Option(help: "Language of the letter and the package: en or zh.") var lang = "en"
        @OptionGroup var actor: ActorOption
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard Language(rawValue: lang) != nil else { throw ValidationError("--lang: en or zh, not \(lang)") }
        }

        func run() throws {
            let result = try PrivacyRequestService(archive: try archive.open()).fulfil(
                id, into: out.map { URL(fileURLWithPath: $0) }, language: Language(rawValue: lang)!,
                on: HoldCommand.today(), actor: actor.name)
            if output.json { return try Output.json(result) }
            print("Privacy request \(id) (\(result.type)) fulfilled: \(result.records) records found.")
            if let e = result.erasure {
                print("Erased \(e.erased.count); kept \(e.kept.count), restricted:")
                for k in e.kept.prefix(20) { print("  \(k.decision)") }
                if result.written.isEmpty { print(""); print(e.letter) }
            } else if let items = result.access_items {
                print("Access package: \(items) messages, \(result.access_files ?? 0) files.")
            } else if let r = result.restricted {
                print("Restricted \(r) records: stored only; legal and compliance may still read them.")
            }
            for path in result.written { print("Wrote \(path)") }
        }
    }

    struct Refuse: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Refuse a request, with the reason given to the person.")
        @OptionGroup var archive: ArchiveOptions
        @Argument(help: "The request id.") var id: String
        @Option(help: "Why it is refused (told to the person).") var reason: String
        @OptionGroup var day: DayOption
        @OptionGroup var actor: ActorOption

        func run() throws {
            let r = try PrivacyRequestService(archive: try archive.open()).refuse(
                id, reason: reason, on: day.day, actor: actor.name)
            print("Privacy request \(r.id) refused.")
        }
    }
}
