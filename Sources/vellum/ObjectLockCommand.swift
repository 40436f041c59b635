import ArgumentParser
import Foundation
import VellumApp
import VellumCore
import VellumPolicy

/// `vellum retention locks`: brings the storage's own locks (S3 Object Lock) in line with the
/// policy and the holds. Hold and policy commands do the same on their own when the archive's
/// blobs are in a locking bucket, and so do retention runs and the server.
struct ObjectLockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locks",
        abstract: "Bring the storage's WORM locks (S3 Object Lock) in line with the policy and the legal holds.",
        discussion: """
            Every sealed record (in segments written with each commit) and every attachment is retained by the \
            bucket at least until the first day its record may be disposed of (extended, never shortened, when \
            a longer rule arrives) and carries an object legal hold while an active hold covers it. Records \
            that have no copy yet (a crash between commit and copy) are copied first. Attachments of removed records that the bucket still locks \
            are deleted once their lock ends. Only archives whose blobs are in S3 with Object Lock have these locks.
            """)
    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Examine every record, not only those committed since the last run (a full run happens by itself once a day and whenever the policy, the directory or the holds change).")
    var full = false

    func run() throws {
        let report = try ObjectLockService(archive: try archive.open()).sync(on: HoldCommand.today(), full: full)
        if output.json { return try Output.json(report) }
        Self.describe(report)
    }

    /// After a hold or policy change: the bucket's locks follow at once when there are any.
    static func syncIfLocking(_ archive: Archive) throws {
        let service = ObjectLockService(archive: archive)
        guard service.lockingStore != nil else { return }
        describe(try service.sync(on: HoldCommand.today()))
    }

    static func describe(_ r: ObjectLockService.Report) {
        if r.records_copied > 0 { print("Sealed records copied to the bucket now: \(r.records_copied).") }
        print("Storage locks\(r.full ? "" : " (records committed since the last run)"): \(r.blobs) attachment(s) of "
            + "\(r.records) record(s) and \(r.segments) segment(s) of sealed records checked; retention extended on \(r.retention_extended), legal hold placed on \(r.holds_placed), "
            + "lifted from \(r.holds_lifted).")
        if r.deferred_deleted + r.deferred_waiting > 0 {
            print("Attachments of removed records: \(r.deferred_deleted) deleted now, \(r.deferred_waiting) still locked.")
        }
        if r.missing > 0 { print("Missing from the bucket: \(r.missing) attachment(s); run `vellum verify`.") }
    }
}
