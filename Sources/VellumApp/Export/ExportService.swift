public import Foundation
public import VellumCore
import VellumCrypto
public import VellumExport
import VellumPolicy
import VellumSearch
import VellumStore
import VellumSurveillance

/// What to export.
public enum ExportScope: Sendable, Hashable {
    /// Every message the query (docs/search.md) finds.
    case query(String)
    /// One conversation, by its id on any channel.
    case conversation(String)
    /// Everything a legal hold covers, by hold id or matter name.
    case hold(String)
    /// Every record a privacy request's subject takes part in (restricted ones included).
    case privacyRequest(String)

    var description: String {
        switch self {
        case .query(let q): "query: \(q)"
        case .conversation(let c): "conversation: \(c)"
        case .hold(let h): "hold: \(h)"
        case .privacyRequest(let id): "privacy request: \(id)"
        }
    }

    /// Legal's and the privacy officer's scopes take restricted records too.
    var includesRestricted: Bool {
        switch self {
        case .hold, .privacyRequest: true
        case .query, .conversation: false
        }
    }
}

/// `vellum export`: the records in scope, with every later version of them (edits, recalls,
/// reactions, statuses), opened and handed to the writers with their ledger leaves and inclusion
/// proofs against the current signed tree head. The export is itself a ledger event.
public struct ExportService: Sendable {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    public func export(
        _ scope: ExportScope, formats: Set<ExportFormat>, to folder: URL, mask: Bool, actor: String,
        includeRestricted: Bool = false, progress: (Int) -> Void = { _ in }
    ) throws -> ExportSummary {
        // Hold and privacy-request exports (Legal, the privacy officer) take restricted records too.
        let refs = try collect(scope, includeRestricted: includeRestricted || scope.includesRestricted, actor: actor)
        let (head, publicKey) = try archive.store.read { tx -> (TreeHead, Data) in
            guard let head = try tx.latestTreeHead() else { throw VellumError(.notFound, "the archive has no tree head yet") }
            return (head, archive.keys.signing.publicKey)
        }
        // Group by conversation, oldest first; revisions travel with their conversation. Only
        // light references are held; each conversation's records are read as the writers ask.
        var byConversation: [Data: [RecordRef]] = [:]
        for r in refs { byConversation[r.conversation, default: []].append(r) }
        let groups = byConversation.values.map { $0.sorted { ($0.sentAt, $0.ledgerIndex) < ($1.sentAt, $1.ledgerIndex) } }
            .sorted { ($0.first?.sentAt ?? 0) < ($1.first?.sentAt ?? 0) }
        byConversation = [:]
        let engine = ScanEngine()
        let masking: ExportMasking = mask
            ? .spans(description: "detectors: " + engine.detectorIDs.joined(separator: ", ")) { m in
                engine.scan(m.text ?? "").filter { !$0.detector.hasPrefix(Lexicon.detectorPrefix) }
                    .map { MaskSpan(start: $0.start, end: $0.end, masked: $0.masked) }
            } : .off
        let context = ExportContext(
            treeHead: ExportTreeHead(
                size: head.size, rootHex: head.root.hexString, timestamp: head.timestamp,
                signatureHex: head.signature.hexString, publicKeyHex: publicKey.hexString,
                signedBytes: TreeHead.signedBytes(size: head.size, root: head.root, timestamp: head.timestamp)),
            query: scope.description, actor: actor, createdAt: Timestamp(date: Date()), masking: masking)
        // One conversation in memory at a time (attachments are read lazily, once each).
        let session = try ExportSession(folder: folder, context: context, options: ExportOptions(formats: formats))
        let summary: ExportSummary
        do {
            var done = 0
            for group in groups {
                let messages = StreamedMessages(ids: group.map(\.id)) { id in
                    guard let record = try archive.store.read({ try $0.record(id: id) }) else {
                        throw VellumError(.notFound, "record \(id) left the archive during the export")
                    }
                    return try exportMessage(record, head: head)
                }
                try session.add(conversation: messages)
                if let error = messages.failure.error { throw error }
                done += group.count
                progress(done)
            }
            summary = try session.finish()
        } catch {
            session.abandon()
            throw error
        }
        // The manifest, whose SHA-256 is the commitment, lists every item; a very large export names
        // its records there rather than in one enormous ledger leaf.
        try AccessLog(archive: archive).record(
            actor: actor, action: "export",
            records: refs.count <= Self.recordsNamedInLedger ? refs.map(\.id.rawValue) : [], count: refs.count,
            detail: "\(scope.description) → \(folder.lastPathComponent)", commitment: summary.manifestSHA256)
        return summary
    }

    /// Exports larger than this name their records only in the manifest, not in the ledger leaf.
    static let recordsNamedInLedger = 10_000

    /// What grouping needs of a record in scope; the record itself is read when it is written.
    struct RecordRef {
        var id: RecordID
        var conversation: Data
        var sentAt: Int64
        var ledgerIndex: UInt64

        init(_ r: StoredRecord) {
            id = r.id
            conversation = r.conversationKey
            sentAt = r.sentAt
            ledgerIndex = r.ledgerIndex
        }
    }

    /// The records in scope and every record that revises one of them, as light references
    /// (records are read a page at a time and let go).
    func collect(_ scope: ExportScope, includeRestricted: Bool = false, actor: String) throws -> [RecordRef] {
        var refs: [RecordRef] = []
        var seen = Set<RecordID>()
        func take(_ page: [StoredRecord]) throws {
            try archive.store.read { tx in
                for r in page where seen.insert(r.id).inserted {
                    refs.append(RecordRef(r))
                    guard r.targetKey == nil else { continue }
                    for v in try tx.records(targeting: r.sourceKey) where seen.insert(v.id).inserted {
                        if try includeRestricted || tx.restriction(of: v.id) == nil { refs.append(RecordRef(v)) }
                    }
                }
            }
        }
        switch scope {
        case .query(let text):
            let plan = try QueryPlanner(archive: archive).plan(text)
            var cache = BlindTokenCache(key: archive.keys.blindIndex, capacity: 1024)
            var q = IndexQuery(
                channels: plan.channels.map { Channel.allCases.filter($0.contains) } ?? [],
                conversationKeys: plan.conversationIDs.flatMap { c in
                    Channel.allCases.map { archive.conversationKey($0, conversationID: c) }
                },
                since: plan.since, until: plan.until, limit: 1000, order: .timeAscending)
            plan.apply(to: &q, cache: &cache)
            q.excludeRestricted = !includeRestricted
            if plan.channels?.isEmpty == true || plan.phrases.contains(["\u{0}"]) { break }
            try page(q, take)
        case .conversation(let id):
            var q = IndexQuery(
                conversationKeys: Channel.allCases.map { archive.conversationKey($0, conversationID: id) }, limit: 1000,
                order: .timeAscending)
            q.excludeRestricted = !includeRestricted
            try page(q, take)
        case .hold(let name):
            let holds = try HoldService(archive: archive).list()
            guard let hold = holds.first(where: { $0.id == name || $0.matter == name }) else {
                throw VellumError(.notFound, "no hold \(name)")
            }
            try HoldCoverage(archive: archive).forEachPage(covered: hold, take)
        case .privacyRequest(let id):
            try take(try PrivacyRequestService(archive: archive).lookup(id, actor: actor).records)
        }
        return refs
    }

    /// Pages through every match of `query` (1,000 at a time) and hands each page to `body`.
    func page(_ query: IndexQuery, _ body: ([StoredRecord]) throws -> Void) throws {
        var q = query
        while true {
            let hits = try archive.store.read { try $0.search(q) }.hits
            try body(hits)
            if hits.count < q.limit { return }
            q.offset += q.limit
        }
    }

    /// One record opened for the writers, with its ledger leaf and inclusion proof.
    func exportMessage(_ record: StoredRecord, head: TreeHead) throws -> ExportMessage {
        let (opened, leaf, proof) = try archive.store.read { tx in
            let opened = try archive.open(record, reader: tx)
            guard let leaf = try tx.ledgerEntries(from: record.ledgerIndex, limit: 1).first else {
                throw VellumError(.integrity, "record \(record.id) has no ledger leaf")
            }
            let proof = try MerkleProofs.inclusionProof(
                leafIndex: record.ledgerIndex, treeSize: head.size, source: StoreNodeSource(reader: tx))
            return (opened, leaf.payload, proof)
        }
        let m = opened.message
        let key = try archive.recordDataKey(record)
        let revision: ExportRevision? =
            if let t = m.edit_of { .edit(of: t) }
            else if let t = m.recall_of { .recall(of: t) }
            else if let t = m.reaction_to { .reaction(to: t, emoji: m.text ?? "") }
            else if let t = m.status_of { .status(of: t, status: m.fields?["status"] ?? m.text ?? "status") }
            else if let t = m.media_of { .media(of: t) }
            else { nil }
        let blobs = archive.blobs
        let context = Archive.blobContext(scope: record.scope)
        return ExportMessage(
            recordID: record.id, sourceID: m.id, channel: m.channel, account: m.account, conversation: m.conversation,
            sentAt: Timestamp(rfc3339: m.sent_at) ?? Timestamp(seconds: record.sentAt / 1000),
            sender: ExportParty(id: m.from.id, name: m.from.name, employeeID: m.from.employee),
            recipients: m.to.map { ExportParty(id: $0.id, name: $0.name, employeeID: $0.employee) },
            text: m.text, kind: m.messageKind,
            attachments: m.attachments.map { f in
                ExportAttachment(
                    name: f.name, mediaType: f.media_type, size: Int64(f.size), sha256: f.sha256,
                    content: .lazy {
                        guard let key, let sealed = try blobs.get(f.blob) else {
                            throw VellumError(.notFound, "attachment \(f.name) of \(record.id) is missing")
                        }
                        return try key.open(sealed, context: context)
                    })
            },
            replyTo: m.reply_to, revision: revision, fields: m.fields ?? [:], commitment: record.commitment.hexString,
            ledgerLeaf: leaf,
            inclusionProof: InclusionProof(
                leafIndex: record.ledgerIndex, treeSize: head.size, auditPath: proof.map(\.hexString)))
    }
}

/// A conversation's messages read one by one as the export session iterates: a conversation of
/// any length is never held in memory. A sequence cannot throw, so the first error ends the
/// iteration and waits in `failure` for the caller to rethrow.
struct StreamedMessages: Sequence {
    final class Failure: @unchecked Sendable { var error: (any Error)? }

    let ids: [RecordID]
    let make: (RecordID) throws -> ExportMessage
    let failure = Failure()

    init(ids: [RecordID], make: @escaping (RecordID) throws -> ExportMessage) {
        self.ids = ids
        self.make = make
    }

    func makeIterator() -> AnyIterator<ExportMessage> {
        var i = 0
        return AnyIterator {
            guard failure.error == nil, i < ids.count else { return nil }
            defer { i += 1 }
            do { return try make(ids[i]) } catch {
                failure.error = error
                return nil
            }
        }
    }
}
