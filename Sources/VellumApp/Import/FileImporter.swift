public import Foundation
import Dispatch
import Synchronization
import VellumCapture
import VellumCore
import VellumStore

/// How one import went: every line read counts in exactly one of the three.
public struct ImportSummary: Sendable, Hashable, Codable {
    public var imported = 0
    public var duplicates = 0
    public var quarantined = 0
    public init() {}
    public var lines: Int { imported + duplicates + quarantined }

    mutating func add(_ outcome: ItemOutcome) {
        switch outcome {
        case .imported: imported += 1
        case .duplicate: duplicates += 1
        case .quarantined: quarantined += 1
        }
    }
}

/// Feeds files through the pipeline in batches. Batches commit in file order, and a batch's
/// lines count (and are reported) only once its commit is durable.
///
/// A batch ends at `batchSize` items or once it holds `batchBytes` of input (lines, or message
/// text and attachments of a whole-file export), whichever comes first, so memory stays bounded
/// when lines carry large attachments: three batches are alive at once, one committing, one
/// waiting for the writer and one being staged. Larger batches write less per message (a random-keyed
/// index page is shared by more inserts) but hold the archive's single writer longer, which a
/// running server's webhooks then wait for (decision 0021). A file import is a bulk load, so its
/// batches are large by default: 8,000 messages imported 100,000 about a quarter faster than
/// 1,000 and commit in under a second on two cores (decision 0028).
public struct FileImporter: Sendable {
    public static let defaultBatchSize = 8000
    public static let defaultBatchBytes = 64 << 20
    /// Batches handed to the writer and not yet acknowledged: one committing, one waiting
    /// behind it (decision 0030). A third is being staged meanwhile.
    static let commitsInFlight = 2

    public let ingestor: Ingestor
    public let format: ImportFormat
    public let options: ImportOptions
    public let batchSize: Int
    public let batchBytes: Int

    public init(
        ingestor: Ingestor, format: ImportFormat, options: ImportOptions = .init(),
        batchSize: Int = FileImporter.defaultBatchSize, batchBytes: Int = FileImporter.defaultBatchBytes
    ) {
        self.ingestor = ingestor
        self.format = format
        self.options = options
        self.batchSize = max(1, batchSize)
        self.batchBytes = max(1, batchBytes)
    }

    /// Imports one file. `progress` sees the running summary after every committed batch;
    /// `issue` sees every quarantined line's reason (file, line, field).
    public func importFile(
        _ url: URL, progress: (ImportSummary) -> Void = { _ in }, issue: (String) -> Void = { _ in },
        note: (String) -> Void = { _ in }
    ) throws -> ImportSummary {
        if format.readsWholeFile {
            let export = try ExportFile.read(url, format: format, options: options)
            export.notes.forEach(note)
            var rest = export.items[...]
            var sizes = BatchSizes(limit: batchSize)
            return try run(progress: progress, issue: issue) {
                guard !rest.isEmpty else { return nil }
                let count = Self.batchEnd(rest, maxItems: sizes.next(), maxBytes: batchBytes)
                defer { rest = rest.dropFirst(count) }
                return Array(rest.prefix(count))
            }
        }
        var reader = try LineReader(url: url)
        let name = url.lastPathComponent
        var sizes = BatchSizes(limit: batchSize)
        return try run(progress: progress, issue: issue) {
            while true {
                let lines = try reader.next(sizes.next(), maxBytes: batchBytes)
                    .filter { !$0.1.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
                if lines.isEmpty, reader.eof { return nil }
                if !lines.isEmpty { return parse(lines, file: name) }
            }
        }
    }

    /// Stages and commits batches until `next` runs dry, as one bulk load of the store (on SQLite,
    /// a write-ahead log checkpointed less often; decision 0024).
    func run(
        progress: (ImportSummary) -> Void, issue: (String) -> Void, next: () throws -> [IncomingItem]?
    ) throws -> ImportSummary {
        try ingestor.archive.store.bulkLoad { try runBatches(progress: progress, issue: issue, next: next) }
    }

    /// The batches of ``run(progress:issue:next:)``.
    func runBatches(
        progress: (ImportSummary) -> Void, issue: (String) -> Void, next: () throws -> [IncomingItem]?
    ) throws -> ImportSummary {
        var summary = ImportSummary()
        // Batch k commits on a background thread (SQLite's one writer) while batch k+1 waits
        // behind it and batch k+2 is read, parsed and sealed here (decision 0030). A batch is
        // reported only after its commit returns, and batches commit in file order. Each commit
        // hands its batch back, so the batch is freed here rather than on the writer's thread,
        // the pipeline's bound.
        let ingestor = ingestor
        var commits = OrderedCommits<Ingestor.StagedBatch, ([ItemOutcome], Ingestor.StagedBatch)>(
            depth: Self.commitsInFlight
        ) { staged in (try ingestor.commit(staged), staged) }
        func acknowledge(_ committed: ([ItemOutcome], Ingestor.StagedBatch)) {
            for outcome in committed.0 {
                summary.add(outcome)
                if case .quarantined(let reason) = outcome { issue(reason) }
            }
            progress(summary)
        }
        do {
            while let items = try next() {
                try commits.submit(try ingestor.stage(items), committed: acknowledge)
            }
            try commits.finish(committed: acknowledge)
        } catch {
            commits.abandon()  // never leave a commit running behind an error
            throw error
        }
        return summary
    }

    /// How many of `items` the next batch takes: up to `maxItems`, ending after the item that
    /// brings its size to `maxBytes` (at least one).
    static func batchEnd(_ items: ArraySlice<IncomingItem>, maxItems: Int, maxBytes: Int) -> Int {
        var (count, bytes) = (0, 0)
        for item in items.prefix(maxItems) {
            count += 1
            bytes += item.inputBytes
            if bytes >= maxBytes { break }
        }
        return count
    }

    /// Parses a batch on every core; a line may hold several items (a webhook body, a response).
    func parse(_ lines: [(Int, Data)], file: String) -> [IncomingItem] {
        let (format, options) = (format, options)
        return ParallelMap.map(count: lines.count, lanes: ingestor.workers) { _, i -> [IncomingItem] in
            let (number, bytes) = lines[i]
            return format.items(bytes, file: file, line: number, options: options)
        }.flatMap { $0 }
    }
}

/// How many items each batch of a file takes: 1,000, then twice as many each time, up to the
/// importer's batch size. The writer has nothing to do until the first batch is staged, so a
/// large first batch would keep it idle that much longer; the first acknowledgement comes
/// sooner too.
struct BatchSizes {
    static let first = 1000
    let limit: Int
    private var current: Int

    init(limit: Int) {
        self.limit = max(1, limit)
        current = min(self.limit, Self.first)
    }

    mutating func next() -> Int {
        defer { current = min(limit, current * 2) }
        return current
    }
}
