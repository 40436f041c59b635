import ArgumentParser
import Foundation
import VellumApp
import VellumCapture
import VellumCore

struct WeComCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wecom",
        abstract: "WeCom session-archive capture: the private keys, and pulling through the vendor SDK.",
        subcommands: [AddKey.self, Pull.self])

    struct AddKey: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-key",
            abstract: "Seal an RSA private key (PKCS#1 or PKCS#8 PEM) for a publickey_ver into the archive.",
            discussion: "Keys are kept forever: old messages stay encrypted to old versions. Delete the PEM file afterwards.")
        @OptionGroup var archive: ArchiveOptions
        @Option(help: "The publickey_ver the admin console shows for this key.") var version: UInt32
        @Option(help: "The PEM file.") var pem: String
        @OptionGroup var actor: ActorOption

        func run() throws {
            guard let data = FileManager.default.contents(atPath: pem) else { throw ValidationError("cannot read \(pem)") }
            try WeComCaptureService(archive: try archive.open())
                .addKey(version: version, pem: String(decoding: data, as: UTF8.self), actor: actor.name)
            print("Key for publickey_ver \(version) sealed into the archive. You can now delete \(pem).")
        }
    }

    struct Pull: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pull new messages from the saved seq cursor until caught up (or keep following).")
        @OptionGroup var archive: ArchiveOptions
        @Option(help: "The WeCom capture configuration (YAML).") var config: String
        @Flag(help: "Keep pulling: wait for new messages after catching up.") var follow = false
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let configuration = try WeComCaptureConfiguration.load(URL(fileURLWithPath: config))
            let health = try await WeComCaptureService(archive: try archive.open()).pull(
                configuration, follow: follow,
                onEvent: { event in
                    if case .committed(let records, let quarantined, let cursor) = event {
                        Output.progress("committed \(records) records (\(quarantined) quarantined), seq \(cursor)")
                    }
                })
            if output.json { return try Output.json(health) }
            CaptureHealthCommand.printWeCom(health)
        }
    }
}

struct CaptureHealthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capture-health",
        abstract: "How complete capture is: accounts gone silent, messages never captured, quarantine, WeCom cursors and consent.")
    @OptionGroup var archive: ArchiveOptions
    @Option(help: "Only this WeCom corp's puller state.") var corp: String?
    @Option(help: "Days without a message after which a capturing account counts as silent.") var silentAfter = 7
    @OptionGroup var output: OutputOptions

    func run() throws {
        let archive = try archive.open()
        if let corp {
            let health = try WeComCaptureService(archive: archive).health(corp: corp)
            if output.json { return try Output.json(health) }
            return Self.printWeCom(health)
        }
        let report = try CaptureHealthService(archive: archive).report(
            silentAfterDays: silentAfter, now: Int64(Date().timeIntervalSince1970 * 1000))
        if output.json { return try Output.json(report) }
        for a in report.accounts {
            print("\(a.channel.displayName) \(a.account.isEmpty ? "(no account)" : a.account): \(a.messages) messages, last \(a.last_seen)"
                + (a.silent ? "  SILENT for more than \(silentAfter) days" : ""))
        }
        for gap in report.gaps { print("GAP: \(gap.meaning)") }
        for (format, count) in report.quarantine_open.sorted(by: { $0.key < $1.key }) {
            print("Quarantine: \(count) open item(s) of \(format); see `vellum quarantine list`")
        }
        for r in report.rejected_deliveries {
            print("Refused webhook deliveries: \(r.count) on \(r.channel) (\(r.reason)), last \(r.last_at); ledger entry \(r.last_ledger_index)")
        }
        for m in report.media {
            print("Media \(m.channel.displayName) \(m.account): \(m.pending_media) pending, \(m.failed_media) failed"
                + (m.last_error.map { "; last error: \($0)" } ?? ""))
        }
        report.wecom.forEach(Self.printWeCom)
    }

    static func printWeCom(_ h: WeComCaptureHealth) {
        print("WeCom \(h.corp): seq \(h.cursor), \(h.records) records pulled, last pull \(h.last_pull_at ?? "never")")
        if let error = h.last_error { print("  STOPPED: \(error)") }
        for gap in h.gaps { print("  gap in seq: \(gap.from)…\(gap.to)") }
        for (type, count) in h.unknown_types.sorted(by: { $0.key < $1.key }) {
            print("  \(count) message(s) of a type Vellum does not know yet (\(type)), archived verbatim")
        }
        for (reason, count) in h.quarantined_by_reason.sorted(by: { $0.key < $1.key }) {
            print("  quarantined \(count): \(reason)")
        }
        let refused = h.contacts_without_consent
        if !refused.isEmpty {
            print("  \(refused.count) contact(s) refused archiving (their messages are not captured): "
                + refused.joined(separator: ", "))
        }
    }
}
