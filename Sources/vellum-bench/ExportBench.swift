import ArgumentParser
import Foundation
import VellumApp
import VellumExport
#if canImport(Glibc)
    import Glibc
#endif

struct ExportBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export every record of the archive `ingest` left, through the archive (open, proofs, writers), with peak memory.")

    @Option(help: "Work folder of a previous `ingest`.") var folder = "bench-out"
    @Option(help: "Formats, comma-separated.") var format = "rsmf,eml,html,csv,dat,jsonl"

    func run() throws {
        let root = URL(fileURLWithPath: folder)
        let archive = try Archive.open(DataDirectory(root.appendingPathComponent("archive").path))
        let out = root.appendingPathComponent("export-\(UUID().uuidString)")
        let formats = Set(format.split(separator: ",").compactMap { ExportFormat(rawValue: String($0)) })
        let t0 = Date()
        let summary = try ExportService(archive: archive).export(
            .query("sort:oldest"), formats: formats, to: out, mask: false, actor: "bench")
        let s = Date().timeIntervalSince(t0)
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        print(String(format: "export through the archive (%@): %d records, %d conversations in %.1f s = %.0f msg/s; peak RSS %.0f MiB",
                     formats.map(\.rawValue).sorted().joined(separator: ","), summary.records, summary.conversations, s,
                     Double(summary.records) / s, Double(usage.ru_maxrss) / 1024))
        try? FileManager.default.removeItem(at: out)
    }
}
