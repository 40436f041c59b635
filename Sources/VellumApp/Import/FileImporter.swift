public import Foundation
import Dispatch
import Synchronization
import VellumCapture
import VellumCore

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

/// Feeds files through the pipeline in batches; each batch is durable before the next is read.
public struct FileImporter: Sendable {
    public let ingestor: Ingestor
    public let format: ImportFormat
    public let options: ImportOptions
    public let batchSize: Int

    public init(ingestor: Ingestor, format: ImportFormat, options: ImportOptions = .init(), batchSize: Int = 1000) {
        self.ingestor = ingestor
        self.format = format
        self.options = options
        self.batchSize = batchSize
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
            return try run(progress: progress, issue: issue) {
                defer { rest = rest.dropFirst(batchSize) }
                return rest.isEmpty ? nil : Array(rest.prefix(batchSize))
            }
        }
        var reader = try LineReader(url: url)
        let name = url.lastPathComponent
        return try run(progress: progress, issue: issue) {
            while true {
                let lines = try reader.next(batchSize).filter { !$0.1.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
                if lines.isEmpty, reader.eof { return nil }
                if !lines.isEmpty { return parse(lines, file: name) }
            }
        }
    }

    /// Stages and commits batches until `next` runs dry.
    func run(
        progress: (ImportSummary) -> Void, issue: (String) -> Void, next: () throws -> [IncomingItem]?
    ) throws -> ImportSummary {
        var summary = ImportSummary()
        // Two batches in flight: batch k commits on a background thread (SQLite's one writer)
        // while batch k+1 is read, parsed and sealed here. A batch is reported only after its
        // commit returns, and batches commit in file order.
        var committing: BackgroundJob<[ItemOutcome]>?
        func acknowledge(_ job: BackgroundJob<[ItemOutcome]>) throws {
            for outcome in try job.wait() {
                summary.add(outcome)
                if case .quarantined(let reason) = outcome { issue(reason) }
            }
            progress(summary)
        }
        do {
            while let items = try next() {
                let staged = try ingestor.stage(items)
                if let previous = committing { try acknowledge(previous) }
                let ingestor = ingestor
                committing = BackgroundJob { try ingestor.commit(staged) }
            }
            if let last = committing { try acknowledge(last) }
        } catch {
            _ = try? committing?.wait()  // never leave a commit running behind an error
            throw error
        }
        return summary
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
