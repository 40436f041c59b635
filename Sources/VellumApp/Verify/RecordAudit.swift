import Foundation
import VellumCore
import VellumCrypto
import VellumStore

/// Opens every record and checks it against its commitment, the ledger, its index row and blobs.
struct RecordAudit {
    let archive: Archive
    var captures: [String: (UInt64, String)]
    var removalLeaves: [String: (UInt64, String, RecordRemoval.Reason)]
    var problems: [VerifyReport.Problem] = []
    var count = 0
    /// Records the ledger says were disposed of or erased, each matched by its removal row.
    var removed = 0
    var cache: BlindTokenCache

    init(
        archive: Archive, captures: [String: (UInt64, String)],
        removals: [String: (UInt64, String, RecordRemoval.Reason)] = [:]
    ) {
        self.archive = archive
        self.captures = captures
        self.removalLeaves = removals
        cache = BlindTokenCache(key: archive.keys.blindIndex)
    }

    mutating func problem(_ code: String, _ detail: String) {
        if problems.count < 1000 { problems.append(.init(code: code, detail: detail)) }
    }

    mutating func run(_ tx: any ArchiveReader) throws {
        var position: Int64 = -1
        while true {
            let page = try tx.records(after: position, limit: 2000)
            if page.isEmpty { break }
            for (pos, record) in page {
                position = pos
                count += 1
                try check(record, tx)
            }
        }
        try accountForRemovals(tx)
        for (id, (index, _)) in captures.sorted(by: { $0.value.0 < $1.value.0 }) {
            problem("record.missing", "record \(id) (captured in ledger entry \(index)) is missing")
        }
    }

    /// Every absence must be a removal the ledger recorded, and every removal row must match its
    /// leaf and the capture it ends; what remains in `captures` afterwards is missing.
    mutating func accountForRemovals(_ tx: any ArchiveReader) throws {
        var after: Int64 = -1
        while true {
            let page = try tx.removals(after: after, limit: 2000)
            guard let last = page.last else { break }
            after = Int64(last.ledgerIndex)
            for r in page {
                let id = r.id.rawValue
                guard let leaf = removalLeaves.removeValue(forKey: id) else {
                    problem("removal.unledgered", "record \(id) is marked removed but no ledger entry removed it")
                    continue
                }
                guard let capture = captures.removeValue(forKey: id) else {
                    problem("removal.capture", "record \(id) was removed but the ledger never captured it")
                    continue
                }
                if leaf.0 != r.ledgerIndex || leaf.1 != r.commitment.hexString || leaf.2 != r.reason
                    || capture.0 != r.captureIndex || capture.1 != r.commitment.hexString || leaf.0 < capture.0 {
                    problem("removal.ledger", "the removal of record \(id) does not match its ledger entries")
                }
                removed += 1
            }
        }
        for (id, leaf) in removalLeaves.sorted(by: { $0.value.0 < $1.value.0 }) {
            problem("removal.missing", "ledger entry \(leaf.0) removed record \(id), but the archive has no removal for it")
        }
    }

    mutating func check(_ r: StoredRecord, _ tx: any ArchiveReader) throws {
        let id = r.id.rawValue
        let captured = captures.removeValue(forKey: id)
        if removalLeaves.removeValue(forKey: id) != nil {
            problem("record.removed", "record \(id) is still in the archive although the ledger says it was removed")
        }
        if captured == nil {
            problem("record.unledgered", "record \(id) has no capture entry in the ledger")
        } else if captured!.0 != r.ledgerIndex || captured!.1 != r.commitment.hexString {
            problem("record.ledger", "record \(id) does not match its capture entry in the ledger")
        }
        let opened: OpenedRecord
        do { opened = try archive.open(r, reader: tx) } catch {
            problem("record.sealed", "record \(id): its sealed body cannot be opened (\(error))")
            return
        }
        if Commitment.make(nonce: opened.nonce, canonical: opened.canonical) != r.commitment {
            problem("record.commitment", "record \(id): its content does not match its commitment")
        }
        let m = opened.message
        let source = SourceRef(channel: m.channel, account: m.account, nativeID: m.id)
        let parties = ([m.from] + m.to).map { archive.identifierKey(Identifier.normalize($0.id, channel: m.channel)) }
        let consistent = archive.recordID(source) == r.id && archive.sourceKey(source) == r.sourceKey
            && r.channel == m.channel && r.kind == m.kind
            && r.conversationKey == archive.conversationKey(m.channel, conversationID: m.conversation.id)
            && r.senderKey == parties[0] && Set(r.participantKeys) == Set(parties)
            && r.sentAt == Timestamp(rfc3339: m.sent_at)?.epochMilliseconds
            && r.targetKey == m.targetID.map { archive.sourceKey(source.sibling($0)) }
            && r.blobRefs == m.attachments.map(\.blob)
            && Set(r.tagKeys) == Set(archive.tagKeys(m))
        if !consistent { problem("record.metadata", "record \(id): its searchable metadata does not match its sealed content") }
        let tokens = IndexText.keyedTokens(m.indexedText, cache: &cache)
        if try tx.indexTokens(of: r.id) != tokens {
            problem("index.row", "record \(id): its index row does not match its content")
        }
        for file in m.attachments { checkBlob(file, record: r, tx) }
    }

    mutating func checkBlob(_ file: ArchivedMessage.File, record r: StoredRecord, _ tx: any ArchiveReader) {
        guard let sealed = try? archive.blobs.get(file.blob) else {
            problem("blob.missing", "record \(r.id.rawValue): attachment blob \(file.blob) is missing")
            return
        }
        guard Digest.sha256(sealed).hexString == file.blob,
              let key = try? archive.recordDataKey(r, reader: tx),
              let plain = try? key.open(sealed, context: Archive.blobContext(scope: r.scope)),
              Digest.sha256(plain).hexString == file.sha256
        else {
            problem("blob.changed", "record \(r.id.rawValue): attachment blob \(file.blob) was changed")
            return
        }
    }
}
