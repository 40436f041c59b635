import ArgumentParser
import Foundation
import VellumApp

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every record, index row, blob, ledger entry and signed tree head; exit 1 on any problem.")

    @OptionGroup var archive: ArchiveOptions
    @Option(help: "A tree head kept outside the archive (tree-head.json) that the archive must still contain.")
    var trustedHead: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        let trusted = try trustedHead.map { path -> CheckpointFile in
            guard let file = CheckpointFile.read(from: URL(fileURLWithPath: path)) else { throw ValidationError("--trusted-head: cannot read a tree head from \(path)") }
            return file
        }
        let report = try Verifier(archive: try archive.open()).verify(trustedHead: trusted)
        if output.json {
            try Output.json(report)
        } else {
            print("\(report.records) records, \(report.ledger_entries) ledger entries, \(report.tree_heads) signed tree heads"
                + (report.removed > 0 ? ", \(report.removed) records removed by disposition or erasure, each accounted for" : "")
                + ((report.alerts ?? 0) > 0 ? ", \(report.alerts ?? 0) alerts with their review trail" : "")
                + ((report.worm_copies ?? 0) > 0 ? ", \(report.worm_copies ?? 0) records matched with their locked copies" : ""))
            if report.ok { print("OK: everything verifies.") }
            for p in report.problems { print("PROBLEM \(p)") }
        }
        if !report.ok { throw ExitCode(1) }
    }
}
