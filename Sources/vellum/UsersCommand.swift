import ArgumentParser
import Foundation
import VellumApp
import VellumServer
import VellumStore

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Staff accounts of the server: add, list, set a password, disable, enable (ledgered).",
        subcommands: [Add.self, List.self, Password.self, Disable.self, Enable.self])

    /// Reads a password from stdin (`--password-stdin`) or generates a strong one to show once.
    static func password(fromStdin: Bool) -> (String, generated: Bool) {
        if fromStdin, let line = readLine(strippingNewline: true) { return (line, false) }
        // 4 groups of 5 letters and digits: about 100 bits, easy to type once.
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var rng = SystemRandomNumberGenerator()
        let groups = (0 ..< 4).map { _ in String((0 ..< 5).map { _ in alphabet[Int.random(in: 0 ..< alphabet.count, using: &rng)] }) }
        return (groups.joined(separator: "-"), true)
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an account; without --password-stdin a password is generated and shown once.")
        @OptionGroup var archive: ArchiveOptions
        @Argument(help: "The username (a–z, 0–9, . _ -).") var username: String
        @Option(help: "admin, compliance, privacy, legal or auditor.") var role: String
        @Flag(help: "Read the password from standard input.") var passwordStdin = false
        @OptionGroup var actor: ActorOption

        func run() async throws {
            guard let r = StaffRole(rawValue: role) else {
                throw ValidationError("--role: one of \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let (password, generated) = UsersCommand.password(fromStdin: passwordStdin)
            let account = try await AccountService(archive: try archive.open()).createAccount(
                username: username, role: r, password: password, actor: actor.name)
            print("Account \(account.username) (\(account.role)) created.")
            if generated { print("Password (shown once): \(password)") }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")
        @OptionGroup var archive: ArchiveOptions

        func run() throws {
            let all = try AccountService(archive: try archive.open()).accounts()
            if all.isEmpty { print("No accounts (start `vellum serve` for the first administrator's link).") }
            for a in all { print("\(a.username)\t\(a.role)\(a.disabled ? "\tdisabled" : "")") }
        }
    }

    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a new password (signs the account out everywhere).")
        @OptionGroup var archive: ArchiveOptions
        @Argument(help: "The username.") var username: String
        @Flag(help: "Read the password from standard input.") var passwordStdin = false
        @OptionGroup var actor: ActorOption

        func run() async throws {
            let (password, generated) = UsersCommand.password(fromStdin: passwordStdin)
            try await AccountService(archive: try archive.open()).setPassword(username: username, password: password, actor: actor.name)
            print("Password of \(username) changed.")
            if generated { print("Password (shown once): \(password)") }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account (signs it out; its API tokens stop).")
        @OptionGroup var archive: ArchiveOptions
        @Argument(help: "The username.") var username: String
        @OptionGroup var actor: ActorOption

        func run() throws {
            try AccountService(archive: try archive.open()).setDisabled(username: username, true, actor: actor.name)
            print("Account \(username) disabled.")
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled account.")
        @OptionGroup var archive: ArchiveOptions
        @Argument(help: "The username.") var username: String
        @OptionGroup var actor: ActorOption

        func run() throws {
            try AccountService(archive: try archive.open()).setDisabled(username: username, false, actor: actor.name)
            print("Account \(username) enabled.")
        }
    }
}
