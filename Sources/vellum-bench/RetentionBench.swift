import ArgumentParser
import Foundation
import VellumApp
import VellumPolicy

struct RetentionBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "Decide and then dispose of every record of the archive `ingest` left (which it consumes).")

    @Option(help: "Work folder of a previous `ingest`.") var folder = "bench-out"

    func run() throws {
        let root = URL(fileURLWithPath: folder)
        let archive = try Archive.open(DataDirectory(root.appendingPathComponent("archive").path))
        let policy = root.appendingPathComponent("retention-policy.yaml")
        try Data("""
            organisation:
              name: Bench Ltd
              country: HK
            retention:
              rules:
                - id: all-1y
                  period: 1y
                  basis: Benchmark
            """.utf8).write(to: policy)
        try PolicyService(archive: archive).apply(policy, actor: "bench")
        let service = RetentionService(archive: archive)
        let day = CalendarDay("2100-01-01")!
        var t0 = Date()
        let dry = try service.run(on: day, dryRun: true, actor: "bench")
        var s = Date().timeIntervalSince(t0)
        print(String(format: "retention dry run (open, decide retention and holds per record): %d records in %.2f s = %.0f records/s", dry.examined, s, Double(dry.examined) / s))
        t0 = Date()
        let done = try service.run(on: day, dryRun: false, actor: "bench")
        s = Date().timeIntervalSince(t0)
        print(String(format: "retention run (decide, delete rows + keys + index tokens, ledger leaf each, blobs, reclaim): %d removed in %.2f s = %.0f records/s", done.disposed, s, Double(done.disposed) / s))
        let report = try Verifier(archive: archive).verify()
        print("verify after: ok=\(report.ok) records=\(report.records) removed=\(report.removed)")
    }
}
