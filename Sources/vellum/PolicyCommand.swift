import ArgumentParser
import Foundation
import VellumApp
import VellumBackends
import VellumCore
import VellumPolicy

struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "The policy file: check it, apply it to an archive, and write the notices it implies.",
        subcommands: [Check.self, Apply.self, Explain.self, Notice.self, Ropa.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report every problem of a policy file with its line and column (exit 1 if any).")
        @Argument(help: "The policy file (vellum-policy.yaml).") var file: String
        @OptionGroup var output: OutputOptions

        struct Report: Encodable {
            var file: String
            var ok: Bool
            var problems: [Problem]
        }

        struct Problem: Encodable {
            var line: Int
            var column: Int
            var path: String
            var message: String
        }

        func run() throws {
            let (_, problems) = try PolicyService.check(URL(fileURLWithPath: file))
            if output.json {
                try Output.json(Report(
                    file: file, ok: problems.isEmpty,
                    problems: problems.map { .init(line: $0.line, column: $0.column, path: $0.path, message: $0.message) }))
            } else if problems.isEmpty {
                print("\(file): OK")
            } else {
                for p in problems { print(p.description) }
                print("\(problems.count) problem\(problems.count == 1 ? "" : "s")")
            }
            if !problems.isEmpty { throw ExitCode(1) }
        }
    }

    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a policy file the archive's policy (a ledgered change); new messages are supervised by it.")
        @OptionGroup var archive: ArchiveOptions
        @Argument(help: "The policy file.") var file: String
        @OptionGroup var actor: ActorOption

        func run() throws {
            let opened = try archive.open()
            let policy = try PolicyService(archive: opened).apply(URL(fileURLWithPath: file), actor: actor.name)
            print("Policy applied: \(policy.surveillance.rules.count) surveillance rules, "
                + "\(policy.retentionRules.count) retention rules.")
            try ObjectLockCommand.syncIfLocking(opened)
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Which retention rules and legal holds apply to a record, and why.")
        @OptionGroup var archive: ArchiveOptions
        @Argument(help: "The record id.") var id: String
        @OptionGroup var actor: ActorOption
        @OptionGroup var output: OutputOptions

        func run() throws {
            let e = try ExplainService(archive: try archive.open())
                .explain(id, actor: actor.name, today: CalendarDay(utc: Timestamp(date: Date())))
            if output.json { return try Output.json(e) }
            print("Record \(e.record) (\(e.channel.rawValue), sent \(e.sent_at))")
            if let until = e.retain_until {
                print("Retained until \(until) by rule \(e.winning_rule ?? "?") (the longest matching rule wins)")
            } else {
                print("No retention rule matches: kept until someone decides; not protected from erasure")
            }
            for r in e.matching_rules { print("  rule \(r.rule): until \(r.retain_until) — \(r.why)") }
            for h in e.holds { print("  hold \(h.id) \(h.active ? "(active)" : "(released)"): \(h.matter) — \(h.reason)") }
            print("Disposition today: \(e.disposition)")
        }
    }

    struct Source: ParsableArguments {
        @Option(help: "Read the policy applied to this archive.") var data: String?
        @Option(help: "Read this policy file instead.") var file: String?

        func policy() throws -> Policy {
            if let file {
                let (policy, problems) = try PolicyService.check(URL(fileURLWithPath: file))
                guard let policy, problems.isEmpty else {
                    throw ValidationError("\(file) has problems; run `vellum policy check \(file)`")
                }
                return policy
            }
            guard let data else { throw ValidationError("give --file FILE or --data DIR") }
            let archive = try ArchiveBackends.open(DataDirectory(data))
            guard let policy = try PolicyService(archive: archive).active() else {
                throw ValidationError("no policy was applied to \(data); run `vellum policy apply`")
            }
            return policy
        }
    }

    struct Notice: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A plain-language privacy notice for employees or clients, in English or Chinese.")
        @OptionGroup var source: Source
        @Option(help: "en or zh.") var lang = "en"
        @Option(help: "employees or clients.") var audience = "employees"

        func run() throws {
            guard let language = Language(rawValue: lang) else { throw ValidationError("--lang: use en or zh") }
            guard let audience = PrivacyNotice.Audience(rawValue: audience) else {
                throw ValidationError("--audience: use employees or clients")
            }
            print(PrivacyNotice.render(try source.policy(), audience: audience, language: language))
        }
    }

    struct Ropa: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The GDPR Art. 30 record of processing activities, from the policy.")
        @OptionGroup var source: Source
        @Option(help: "en or zh.") var lang = "en"

        func run() throws {
            guard let language = Language(rawValue: lang) else { throw ValidationError("--lang: use en or zh") }
            print(RecordsOfProcessing.render(try source.policy(), language))
        }
    }
}
