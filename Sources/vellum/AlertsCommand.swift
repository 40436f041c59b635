import ArgumentParser
import Foundation
import VellumApp
import VellumStore
import VellumSurveillance

struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "The review queue: surveillance alerts and sampled messages, and what reviewers did with them.",
        subcommands: [List.self, Show.self, Assign.self, Review.self, Escalate.self, Close.self, Reopen.self])

    struct AlertID: ParsableArguments {
        @Argument(help: "The alert's number.") var id: Int64
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List alerts, newest first.")
        @OptionGroup var archive: ArchiveOptions
        @Option(help: "Statuses, comma-separated: open, in_review, escalated, closed (default: all but closed).")
        var status: String?
        @Option(help: "Only this rule.") var rule: String?
        @Option(help: "Only alerts assigned to this reviewer.") var assignee: String?
        @Option(help: "At most this many.") var limit = 100
        @OptionGroup var actor: ActorOption
        @OptionGroup var output: OutputOptions

        func validate() throws { _ = try statuses() }

        func statuses() throws -> Set<StoredAlert.Status> {
            guard let status else { return [.open, .inReview, .escalated] }
            return Set(try status.split(separator: ",").map { name in
                guard let s = StoredAlert.Status(rawValue: String(name)) else {
                    throw ValidationError("--status: unknown status \(name); use open, in_review, escalated or closed")
                }
                return s
            })
        }

        func run() throws {
            let query = AlertQuery(statuses: try statuses(), rule: rule, assignee: assignee, limit: limit)
            let alerts = try AlertService(archive: try archive.open()).list(query, actor: actor.name)
            if output.json { return try Output.json(alerts) }
            if alerts.isEmpty { print("No alerts.") }
            for a in alerts {
                print("#\(a.id) [\(a.status)] \(a.severity) \(a.rule) \(a.record) \(a.created_at)"
                    + (a.assignee.map { " → \($0)" } ?? ""))
                if let reason = a.reason { print("    \(reason)") }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an alert: why, the message, and its history.")
        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var alert: AlertID
        @OptionGroup var actor: ActorOption
        @OptionGroup var output: OutputOptions

        func run() throws {
            let d = try AlertService(archive: try archive.open()).show(alert.id, actor: actor.name)
            if output.json { return try Output.json(d) }
            let a = d.alert
            print("Alert #\(a.id) [\(a.status)] \(a.severity), rule \(a.rule), raised \(a.created_at)")
            if let e = d.explanation {
                print("Why: \(e.reason)")
                if let note = e.channel_note { print("Channel: \(note)") }
                for f in e.findings {
                    print("  \(f.detector) at \(f.start)..<\(f.end): \(f.masked) (confidence \(String(format: "%.2f", f.confidence)))")
                }
            } else {
                print("Why: the details were erased with the record's subject.")
            }
            if let m = d.message {
                print("Message \(m.id) on \(m.channel) at \(m.sent_at) from \(m.sender.name ?? m.sender.id):")
                print("  \(m.text ?? "")")
            }
            for x in d.actions {
                print("  \(x.at) \(x.actor) \(x.action)" + (x.disposition.map { " (\($0))" } ?? "") + (x.note.map { ": \($0)" } ?? ""))
            }
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Assign an alert to a reviewer.")
        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var alert: AlertID
        @Option(help: "The reviewer.") var to: String
        @OptionGroup var actor: ActorOption

        func run() throws {
            try AlertService(archive: try archive.open()).assign(alert.id, to: to, actor: actor.name)
            print("Alert #\(alert.id) assigned to \(to).")
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start reviewing an alert (it moves to in_review).")
        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var alert: AlertID
        @OptionGroup var actor: ActorOption

        func run() throws {
            try AlertService(archive: try archive.open()).review(alert.id, actor: actor.name)
            print("Alert #\(alert.id) is in review.")
        }
    }

    struct Escalate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Escalate an alert, with a note.")
        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var alert: AlertID
        @Option(help: "Why it is escalated.") var note: String
        @OptionGroup var actor: ActorOption

        func run() throws {
            try AlertService(archive: try archive.open()).escalate(alert.id, note: note, actor: actor.name)
            print("Alert #\(alert.id) escalated.")
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close an alert with a disposition and a note.")
        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var alert: AlertID
        @Option(help: "true_positive, false_positive or needs_action.") var disposition: String
        @Option(help: "Why.") var note: String
        @OptionGroup var actor: ActorOption

        func validate() throws {
            guard AlertDisposition(rawValue: disposition) != nil else {
                throw ValidationError("--disposition: use true_positive, false_positive or needs_action")
            }
        }

        func run() throws {
            try AlertService(archive: try archive.open()).close(
                alert.id, disposition: AlertDisposition(rawValue: disposition)!, note: note, actor: actor.name)
            print("Alert #\(alert.id) closed as \(disposition).")
        }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reopen a closed alert, with a note.")
        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var alert: AlertID
        @Option(help: "Why.") var note: String
        @OptionGroup var actor: ActorOption

        func run() throws {
            try AlertService(archive: try archive.open()).reopen(alert.id, note: note, actor: actor.name)
            print("Alert #\(alert.id) reopened.")
        }
    }
}
