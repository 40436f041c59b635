public import Foundation
import VellumCore

/// Writes one export: add conversations one at a time, each as a time-sorted sequence, then
/// ``finish()``.
///
/// Everything is written into `<folder>.partial`, which ``finish()`` renames to `<folder>` after
/// writing `manifest.json` (and `manifest.sha256`) last, so a folder without `.partial` is always
/// complete. After any error the session refuses further work; call ``abandon()`` to delete the
/// partial folder (a crashed process leaves it behind, visibly incomplete).
///
/// Memory stays bounded by one RSMF slice's event metadata, one conversation-day of EML
/// transcript text and one message's attachments; attachment bytes are read once per message.
/// Blocking file I/O: run it off event loops. Not thread-safe: use from one task.
public final class ExportSession {
    /// The folder the finished export will have.
    public let folder: URL
    /// `<folder>.partial`, where the export is written until it is complete.
    public let partialFolder: URL
    let context: ExportContext
    let options: ExportOptions
    let registry: OutputRegistry
    let recordWriters: [any RecordWriter]
    let attachmentFiles: AttachmentFiles?
    let records: OutputFile
    /// The signed root, checked once at the start.
    let root: Data
    var conversationKeys: Set<String> = []
    var counts = Counts()
    private var state = State.open

    struct Counts {
        var records = 0
        var conversations = 0
        var attachments = 0
        var maskedRecords = 0
    }

    private enum State { case open, failed, finished }

    /// Creates `<folder>.partial`; throws if `folder` or the partial folder already exists.
    public init(folder: URL, context: ExportContext, options: ExportOptions = ExportOptions()) throws {
        try options.validate()
        root = try EvidenceCheck.treeHead(context.treeHead)
        self.folder = folder
        self.partialFolder = folder.deletingLastPathComponent().appendingPathComponent(
            folder.lastPathComponent + ".partial")
        self.context = context
        self.options = options
        let fm = FileManager.default
        guard !fm.fileExists(atPath: folder.path) else {
            throw ExportError(.alreadyExists, "\(folder.path): the export folder already exists")
        }
        guard !fm.fileExists(atPath: partialFolder.path) else {
            throw ExportError(
                .alreadyExists, "\(partialFolder.path): an unfinished export is there; remove it or export elsewhere")
        }
        do { try fm.createDirectory(at: partialFolder, withIntermediateDirectories: true) } catch {
            throw ExportError(.io, "\(partialFolder.path): cannot create: \(error)")
        }
        registry = try OutputRegistry(root: partialFolder)
        let custodianName = context.custodian.map { $0.name ?? $0.employeeID }
        var writers: [any RecordWriter] = []
        if options.formats.contains(.csv) {
            writers.append(
                try CSVWriter(registry: registry, byteOrderMark: options.csvByteOrderMark, custodian: custodianName))
        }
        if options.formats.contains(.dat) {
            writers.append(try DATWriter(registry: registry, custodian: custodianName))
        }
        if options.formats.contains(.jsonl) { writers.append(try JSONLinesWriter(registry: registry)) }
        recordWriters = writers
        let needsFiles = !options.formats.isDisjoint(with: [.html, .csv, .dat, .jsonl])
        attachmentFiles = needsFiles ? AttachmentFiles(registry: registry) : nil
        records = try registry.scratchFile(".records")
    }

    /// Exports one conversation. All messages must have the same channel and conversation id and
    /// come sorted by `sentAt` (ties in any order).
    public func add(conversation messages: some Sequence<ExportMessage>) throws {
        guard state == .open else {
            throw ExportError(.sessionClosed, "the session has \(state == .failed ? "failed" : "finished")")
        }
        do {
            try addConversation(messages)
        } catch {
            state = .failed
            throw error
        }
    }

    /// Writes the manifest last and renames `<folder>.partial` to `<folder>`.
    public func finish() throws -> ExportSummary {
        guard state == .open else {
            throw ExportError(.sessionClosed, "the session has \(state == .failed ? "failed" : "finished")")
        }
        do {
            for writer in recordWriters { try writer.finish() }
            try records.close()
            let digest = try writeManifest()
            registry.removeScratch()
            do { try FileManager.default.moveItem(at: partialFolder, to: folder) } catch {
                throw ExportError(.io, "\(partialFolder.path): cannot rename to \(folder.lastPathComponent): \(error)")
            }
            state = .finished
            let listed = registry.files.filter {
                $0.path != ExportManifest.fileName && $0.path != ExportManifest.digestFileName
            }
            return ExportSummary(
                folder: folder, records: counts.records, conversations: counts.conversations,
                attachments: counts.attachments, files: listed.count, bytes: listed.reduce(0) { $0 + $1.size },
                manifestSHA256: digest)
        } catch {
            state = .failed
            throw error
        }
    }

    /// Deletes the partial folder; the session cannot be used afterwards.
    public func abandon() {
        if state != .finished { try? FileManager.default.removeItem(at: partialFolder) }
        state = .failed
    }
}

extension ExportSession {
    /// Runs a whole export: creates the session, adds every conversation, finishes; on any error
    /// the partial folder is removed and the error rethrown.
    public static func export<C: Sequence>(
        to folder: URL, context: ExportContext, options: ExportOptions = ExportOptions(), conversations: C
    ) throws -> ExportSummary where C.Element: Sequence, C.Element.Element == ExportMessage {
        let session = try ExportSession(folder: folder, context: context, options: options)
        do {
            for conversation in conversations { try session.add(conversation: conversation) }
            return try session.finish()
        } catch {
            session.abandon()
            throw error
        }
    }
}
