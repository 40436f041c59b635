import ArgumentParser
import Foundation
import VellumAllocator
import VellumApp
import VellumBackends
import VellumStore
import VellumSurveillance

/// Release-build benchmarks: `swift run -c release vellum-bench ingest|search`.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vellum-bench", abstract: "Measure ingest throughput, search latency and scan speed.",
        subcommands: [IngestBench.self, SearchBench.self, ScanBench.self, RetentionBench.self, ExportBench.self, WhatsAppExportBench.self])
}

struct IngestBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest N synthetic messages with everything on, beside a plain SQLite+FTS5 baseline.")

    @Option(help: "Messages to generate.") var count = 200_000
    @Option(help: "Work folder (kept, so `search` can reuse the archive).") var folder = "bench-out"
    @Flag(help: "Skip the baseline.") var noBaseline = false
    @Option(help: "Apply this policy first, so ingest runs its surveillance rules.") var policy: String?
    @Option(help: "A storage file (docs/storage.md): ingest into PostgreSQL + S3 instead of SQLite.") var storage: String?
    @Option(help: "Messages per committed batch (the import's default when left out).") var batch: Int?

    func run() throws {
        let root = URL(fileURLWithPath: folder)
        try? FileManager.default.removeItem(at: root)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let input = root.appendingPathComponent("messages.jsonl")
        var corpus = SyntheticCorpus(seed: 42)
        let out = FileHandle(forWritingAtPath: { FileManager.default.createFile(atPath: input.path, contents: nil); return input.path }())!
        var written = 0
        while written < count {
            let n = min(50_000, count - written)
            out.write(Data((corpus.lines(n).joined(separator: "\n") + "\n").utf8))
            written += n
        }
        try out.close()
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB; allocator: \(ProcessAllocator.description)")

        // The baseline runs before and after the import, and the ratio is taken against the mean
        // of the two: this machine's speed drifts by tens of percent within minutes, which a
        // single baseline run would put entirely into the ratio.
        var baselineRates: [Double] = []
        func runBaseline(_ label: String) throws {
            let database = root.appendingPathComponent("baseline.sqlite")
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database.path + suffix) }
            let t0 = Date()
            let rows = try Baseline.run(input: input, database: database)
            let s = Date().timeIntervalSince(t0)
            baselineRates.append(Double(rows) / s)
            print(String(format: "baseline %@ (JSON parse + plain table + FTS5 unicode61, 1000 rows/txn, WAL FULL): %d rows in %.2f s = %.0f msg/s", label, rows, s, Double(rows) / s))
        }
        if !noBaseline { try runBaseline("before") }
        let dir = DataDirectory(root.appendingPathComponent("archive").path)
        try ArchiveBackends.create(at: dir, storage: storage.map { URL(fileURLWithPath: $0) })
        let archive = try ArchiveBackends.open(dir)
        if let policy { try PolicyService(archive: archive).apply(URL(fileURLWithPath: policy), actor: "bench") }
        let ingestor = try Ingestor(archive: archive)
        let importer = batch.map { FileImporter(ingestor: ingestor, format: .jsonl, batchSize: $0) }
            ?? FileImporter(ingestor: ingestor, format: .jsonl)
        let t0 = Date()
        let summary = try importer.importFile(input)
        let s = Date().timeIntervalSince(t0)
        print(String(format: "vellum import into %@ (parse, resolve, %@seal, commitments, ledger + signed head per batch, blind index, durable per %d): %d msgs in %.2f s = %.0f msg/s", storage == nil ? "SQLite" : "PostgreSQL + S3", policy == nil ? "" : "surveillance rules, ", importer.batchSize, summary.imported, s, Double(summary.imported) / s))
        if !noBaseline {
            try runBaseline("after")
            let rate = Double(summary.imported) / s
            let mean = baselineRates.reduce(0, +) / Double(baselineRates.count)
            print(String(format: "vellum / baseline: %.2f against the mean of both baseline runs (%.2f–%.2f against each; issue 2 aims at 0.50 or more)",
                         rate / mean, rate / baselineRates.max()!, rate / baselineRates.min()!))
        }
        if policy != nil {
            let counts = try archive.store.read { try $0.alertCounts() }
            print("alerts raised: \(counts.values.reduce(0, +))")
        }
        try? FileManager.default.removeItem(at: input)
    }
}

struct SearchBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "p50/p95 search latency on the archive `ingest` left in the work folder.")

    @Option(help: "Work folder of a previous `ingest`.") var folder = "bench-out"
    @Option(help: "Queries to run.") var queries = 400

    func run() throws {
        let dir = DataDirectory(URL(fileURLWithPath: folder).appendingPathComponent("archive").path)
        let archive = try ArchiveBackends.open(dir)
        let service = SearchService(archive: archive)
        let words = SyntheticCorpus.queryWords(seed: 7)
        var latencies: [Double] = []
        var byWord: [String: (ms: [Double], total: Int)] = [:]
        var totals = 0
        for i in 0 ..< queries {
            var request = SearchRequest(query: words[i % words.count])
            request.limit = 50
            let t0 = DispatchTime.now().uptimeNanoseconds
            let total = try service.search(request, actor: "bench").total
            let ms = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
            totals += total
            latencies.append(ms)
            byWord[words[i % words.count], default: ([], total)].ms.append(ms)
        }
        latencies.sort()
        func p(_ q: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * q))] }
        let records = try archive.store.read { try $0.recordCount() }
        print(String(format: "search over %d records, %d queries (%d distinct; top 50 by bm25, decrypted, snippets, access event written): p50 %.1f ms, p90 %.1f ms, p95 %.1f ms, p99 %.1f ms, mean hits %.0f",
                     records, queries, words.count, p(0.5), p(0.9), p(0.95), p(0.99), Double(totals) / Double(queries)))
        for (word, stats) in byWord.sorted(by: { $0.value.total > $1.value.total }) {
            let sorted = stats.ms.sorted()
            print(String(format: "  %-24@ %8d matches  median %.1f ms", word as NSString, stats.total, sorted[sorted.count / 2]))
        }
    }
}

struct ScanBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan", abstract: "Sensitive-data scan throughput on one core (MB/s and messages/s).")

    @Option(help: "Messages in the scan corpus (~120 bytes each, English and Chinese).") var messages = 200_000
    @Option(help: "Lines in the scan-lines corpus.") var lines = 100_000
    @Option(help: "Timed repetitions; the best is reported.") var repetitions = 5

    func run() throws {
        var options = ScanBenchmark.Options()
        options.messages = messages
        options.lines = lines
        options.repetitions = repetitions
        print("surveillance scan: \(messages) messages, \(lines) lines, best of \(repetitions), one thread")
        print(ScanBenchmark.run(options))
    }
}
