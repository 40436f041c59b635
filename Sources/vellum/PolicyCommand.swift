import ArgumentParser
import Foundation
import VellumApp
import VellumCore
import VellumPolicy

struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "The policy file: check it, apply it to an archive, and write the notices it implies.",
        subcommands: [Check.self, Apply.self, Notice.self, Ropa.self])

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
            let policy = try PolicyService(archive: try archive.open()).apply(URL(fileURLWithPath: file), actor: actor.name)
            print("Policy applied: \(policy.surveillance.rules.count) surveillance rules, "
                + "\(policy.retentionRules.count) retention rules.")
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
            let archive = try Archive.open(DataDirectory(data))
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
