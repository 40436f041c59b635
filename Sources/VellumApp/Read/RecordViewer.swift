public import Foundation
public import VellumCore
import VellumCrypto
import VellumStore

/// A record opened for a reader, with its versions and the proof that the ledger holds it.
public struct RecordView: Sendable, Codable, Hashable {
    public struct Person: Sendable, Codable, Hashable {
        public var id: String
        public var name: String?
        public var employee: String?
    }
    public struct File: Sendable, Codable, Hashable {
        public var name: String
        public var media_type: String
        public var size: Int
        public var sha256: String
    }
    public struct Version: Sendable, Codable, Hashable {
        public var id: String
        public var source_id: String
        public var kind: String
        public var sent_at: String
        public var text: String?
    }
    public struct Proof: Sendable, Codable, Hashable {
        public var leaf_index: UInt64
        public var leaf_hash: String
        public var tree_size: UInt64
        public var root: String
        public var path: [String]
        public var verified: Bool
        public var tree_head: CheckpointFile
    }

    public var id: String
    public var source_id: String
    public var channel: String
    public var account: String
    public var kind: String
    public var conversation: Conversation
    public var sent_at: String
    public var captured_at: Int64
    public var sender: Person
    public var recipients: [Person]
    public var text: String?
    public var attachments: [File]
    public var reply_to: String?
    /// What the message is (text, image, location, payment …) and the source's own type name.
    public var message_kind: String
    public var native_type: String?
    /// Structured content (location, amounts, vote items …) as the capture documented it.
    public var fields: [String: String]
    /// Files the message names but does not carry, and why.
    public var media: [MediaReference]
    public var quoted_text: String?
    public var forwarded: Bool
    public var commitment: String
    /// The original first, then every edit and recall in time order.
    public var versions: [Version]
    public var inclusion_proof: Proof
}

/// Opens one record for `vellum show`; the view is written to the ledger.
public struct RecordViewer: Sendable {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    /// Opens record `id`. A record restricted after an erasure request opens only with
    /// `includeRestricted` (legal and compliance), and the access is logged as such.
    public func show(_ id: String, actor: String, includeRestricted: Bool = false) throws -> RecordView {
        let view = try open(id, includeRestricted: includeRestricted)
        try AccessLog(archive: archive).record(actor: actor, action: includeRestricted ? "show.restricted" : "show", records: [view.id], count: 1, detail: id)
        return view
    }

    /// The record without its access event, for services that write one event for a whole view
    /// (``ConversationViewer``).
    func open(_ id: String, includeRestricted: Bool) throws -> RecordView {
        let (record, versions, head, proof, leaf) = try archive.store.read { tx in
            guard let record = try tx.record(id: RecordID(id)) else { throw try archive.absentRecordError(RecordID(id), tx) }
            if !includeRestricted, let r = try tx.restriction(of: record.id) {
                throw VellumError(
                    .refused,
                    "record \(id) is restricted after privacy request \(r.request): only legal and compliance may read it")
            }
            let originalKey = record.targetKey ?? record.sourceKey
            let original = record.targetKey == nil ? record : try tx.record(sourceKey: originalKey)
            let versions = try ((original.map { [$0] } ?? []) + (try tx.records(targeting: originalKey))).filter {
                try includeRestricted || tx.restriction(of: $0.id) == nil
            }
            guard let head = try tx.latestTreeHead() else { throw VellumError(.integrity, "the ledger has no tree head") }
            let source = StoreNodeSource(reader: tx)
            let proof = try MerkleProofs.inclusionProof(leafIndex: record.ledgerIndex, treeSize: head.size, source: source)
            let leaf = try source.hash(level: 0, index: record.ledgerIndex)
            return (record, versions, head, proof, leaf)
        }
        let m = try archive.open(record).message
        let view = RecordView(
            id: record.id.rawValue, source_id: m.id, channel: m.channel.rawValue, account: m.account,
            kind: m.kind.rawValue, conversation: m.conversation, sent_at: m.sent_at, captured_at: m.captured_at,
            sender: .init(id: m.from.id, name: m.from.name, employee: m.from.employee),
            recipients: m.to.map { .init(id: $0.id, name: $0.name, employee: $0.employee) },
            text: m.text,
            attachments: m.attachments.map { .init(name: $0.name, media_type: $0.media_type, size: $0.size, sha256: $0.sha256) },
            reply_to: m.reply_to, message_kind: m.messageKind.rawValue, native_type: m.native_type,
            fields: m.fields ?? [:],
            media: (m.media ?? []).map {
                MediaReference(handle: $0.handle, name: $0.name, mediaType: $0.media_type, size: $0.size,
                               digests: $0.digests ?? [:], note: $0.note)
            },
            quoted_text: m.quote, forwarded: m.forwarded ?? false, commitment: record.commitment.hexString,
            versions: try versions.map { v in
                let vm = try archive.open(v).message
                return .init(id: v.id.rawValue, source_id: vm.id, kind: vm.kind.rawValue, sent_at: vm.sent_at, text: vm.text)
            },
            inclusion_proof: .init(
                leaf_index: record.ledgerIndex, leaf_hash: leaf.hexString, tree_size: head.size,
                root: head.root.hexString, path: proof.map(\.hexString),
                verified: MerkleProofs.verifyInclusion(
                    leafHash: leaf, leafIndex: record.ledgerIndex, treeSize: head.size, proof: proof, root: head.root)
                    && TreeHeadSigner.verify(head, publicKey: archive.keys.signing.publicKey),
                tree_head: CheckpointFile(head: head, publicKey: archive.keys.signing.publicKey)))
        return view
    }
}

/// The store's ledger as a Merkle node source, for proofs.
struct StoreNodeSource: MerkleNodeSource {
    let reader: any ArchiveReader

    func hash(level: Int, index: UInt64) throws -> Data {
        guard let h = try reader.ledgerNode(level: level, index: index) else {
            throw VellumError(.integrity, "the ledger has no node at level \(level), index \(index)")
        }
        return h
    }
}
