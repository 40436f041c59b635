import ArgumentParser
import Foundation
import VellumApp
import VellumCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a record, its versions and the proof that the ledger holds it.")

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var actor: ActorOption
    @OptionGroup var output: OutputOptions
    @Argument(help: "The record id (from search).") var id: String
    @Flag(help: "Open a record restricted after an erasure request (legal and compliance only; logged).")
    var includeRestricted = false

    func run() throws {
        let v = try RecordViewer(archive: try archive.open()).show(id, actor: actor.name, includeRestricted: includeRestricted)
        if output.json { return try Output.json(v) }
        print("Record \(v.id) (\(v.kind)) — \(v.channel), source id \(v.source_id)")
        print("Conversation: \(v.conversation.title ?? v.conversation.id) (\(v.conversation.kind.rawValue))")
        print("From: \(v.sender.name ?? v.sender.id) <\(v.sender.id)>" + (v.sender.employee.map { " employee \($0)" } ?? ""))
        if !v.recipients.isEmpty {
            print("To: " + v.recipients.map { "\($0.name ?? $0.id) <\($0.id)>" }.joined(separator: ", "))
        }
        print("Sent: \(v.sent_at)")
        if let t = v.text { print("\n\(t)\n") }
        if v.message_kind != "text" { print("Kind: \(v.message_kind)" + (v.native_type.map { " (\($0))" } ?? "")) }
        if let quote = v.quoted_text { print("Quoting: \(quote)") }
        if v.forwarded { print("Forwarded") }
        for (key, value) in v.fields.sorted(by: { $0.key < $1.key }) { print("  \(key): \(value)") }
        for m in v.media {
            print("Media not attached: \(m.name ?? m.handle)" + (m.note.map { " — \($0)" } ?? ""))
        }
        for a in v.attachments { print("Attachment: \(a.name) (\(a.media_type), \(a.size) bytes, sha256 \(a.sha256))") }
        if v.versions.count > 1 {
            print("Versions:")
            for ver in v.versions {
                print("  \(ver.sent_at)  \(ver.kind)  \(ver.text ?? "")  (\(ver.id))")
            }
        }
        let p = v.inclusion_proof
        print("Ledger: entry \(p.leaf_index) of \(p.tree_size), root \(p.root.prefix(16))…, inclusion proof "
            + (p.verified ? "verified" : "FAILED"))
        print("Commitment: \(v.commitment)")
    }
}
