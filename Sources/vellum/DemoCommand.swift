import ArgumentParser
import Foundation
import VellumApp
import VellumPolicy
import VellumServer
import VellumStore

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a demo archive with realistic multi-channel English and Chinese chats, then serve it.",
        discussion: """
            Prints the address, a one-time link for the administrator and a sign-in for each other role \
            (fresh random passwords at every start). --no-serve only builds the archive and shows CLI steps.
            """)

    @Option(help: "Where to create the demo archive.") var data = "vellum-demo"
    @Flag(help: "Build the archive and stop; do not start the server.") var noServe = false
    @OptionGroup var server: ServerOptions

    func run() async throws {
        try build()
        guard !noServe else { return }
        let archive = try Archive.open(DataDirectory(data))
        let accounts = AccountService(archive: archive)
        print("\nDemo sign-ins (passwords change at every start):")
        for role in [StaffRole.compliance, .privacy, .legal, .auditor] {
            let (password, _) = UsersCommand.password(fromStdin: false)
            if try archive.accounts.account(username: role.rawValue) == nil {
                try await accounts.createAccount(username: role.rawValue, role: role, password: password, actor: "demo")
            } else {
                try await accounts.setPassword(username: role.rawValue, password: password, actor: "demo")
            }
            print("  \(role.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(password)")
        }
        print("")
        try await VellumHTTPServer(archive: archive, settings: try server.settings()).run(logger: ServerOptions.logger()) { print($0); fflush(nil) }
    }

    func build() throws {
        let dir = DataDirectory(data)
        let path = dir.root.path
        if dir.exists {
            print("A demo archive is already in \(path).")
            printNextSteps(data)
            return
        }
        let files = DemoDataset.make()
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workspace) }
        let directoryFile = workspace.appendingPathComponent("directory.yaml")
        let messagesFile = workspace.appendingPathComponent("messages.jsonl")
        let brokenFile = workspace.appendingPathComponent("broken-export.jsonl")
        try Data(files.directoryYAML.utf8).write(to: directoryFile)
        try Data(files.messagesJSONL.utf8).write(to: messagesFile)
        try Data((DemoDataset.malformedLines().joined(separator: "\n") + "\n").utf8).write(to: brokenFile)

        let keyFile = try Archive.create(at: dir)
        let archive = try Archive.open(dir)
        let employees = try DirectoryService(archive: archive).importFile(directoryFile, actor: "demo")
        let policyFile = workspace.appendingPathComponent("vellum-policy.yaml")
        try Data(DemoDataset.policyYAML.utf8).write(to: policyFile)
        let policy = try PolicyService(archive: archive).apply(policyFile, actor: "demo")
        let importer = FileImporter(ingestor: try Ingestor(archive: archive), format: .jsonl)
        let good = try importer.importFile(messagesFile)
        let bad = try importer.importFile(brokenFile)
        let alerts = try AlertService(archive: archive).count()
        print("""
            Built a demo archive in \(path) (master key: \(keyFile.path)).
              \(employees) employees in the directory
              \(good.imported) messages imported (WeCom, WhatsApp, Telegram, Signal, SMS, email; edits and recalls kept as versions)
              \(bad.quarantined) broken lines quarantined, sealed, not lost
              a policy applied: \(policy.retentionRules.count) retention rules, \(policy.surveillance.rules.count) surveillance rules; \(alerts) alerts in the review queue
            Everything in \(path) is encrypted: try `grep -r 合同 \(path)` and find nothing.
            """)
        printNextSteps(data)
    }

    func printNextSteps(_ data: String) {
        print("""

            Try:
              swift run vellum search --data \(data) 合同
              swift run vellum search --data \(data) --channel whatsapp portfolio
              swift run vellum search --data \(data) --participant E1001 --since 2026-01-01 --json
              swift run vellum show --data \(data) ID          (an id from the search)
              swift run vellum search --data \(data) 'detector:credit_card OR detector:cn_resident_id'
              swift run vellum alerts list --data \(data)
              swift run vellum policy explain --data \(data) ID
              swift run vellum retention run --data \(data) --dry-run --as-of 2040-01-01
              swift run vellum privacy create --data \(data) --type access --law pipl --subject SOMEONE
              swift run vellum quarantine list --data \(data)
              swift run vellum verify --data \(data)
            """)
    }
}
