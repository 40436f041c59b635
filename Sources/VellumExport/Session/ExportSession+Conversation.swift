import Foundation
import VellumCore

extension ExportSession {
    /// One pass over the conversation: each message is rendered once and handed to every writer.
    func addConversation(_ messages: some Sequence<ExportMessage>) throws {
        var iterator = messages.makeIterator()
        guard let first = iterator.next() else { return }
        let key = uniqueKey(for: first)
        counts.conversations += 1
        let dayOffset = first.sentAt.offsetSeconds
        let rsmf =
            options.formats.contains(.rsmf)
            ? RSMFWriter(
                conversationKey: key, first: first, limits: options.rsmfLimits, generator: options.generator,
                custodian: context.custodian, registry: registry) : nil
        let eml =
            options.formats.contains(.eml)
            ? EMLDayWriter(
                conversationKey: key, first: first, custodian: context.custodian, generator: options.generator,
                registry: registry) : nil
        let html =
            options.formats.contains(.html)
            ? try HTMLTranscriptWriter(
                conversationKey: key, first: first, context: context, generator: options.generator, registry: registry)
            : nil
        var previous = first.sentAt
        var next: ExportMessage? = first
        while let message = next {
            guard message.conversation.id == first.conversation.id, message.channel == first.channel else {
                throw ExportError(
                    .invalidInput,
                    "record \(message.recordID): conversation \(message.channel.rawValue)/\(message.conversation.id) in the sequence of \(first.channel.rawValue)/\(first.conversation.id)"
                )
            }
            guard message.sentAt >= previous else {
                throw ExportError(
                    .invalidInput,
                    "record \(message.recordID): sent \(message.sentAt.rfc3339), before the previous message (\(previous.rfc3339)); messages must come sorted by time"
                )
            }
            previous = message.sentAt
            try EvidenceCheck.record(message, head: context.treeHead, root: root)
            var rendered = try RenderedMessage.render(message, masking: context.masking, dayOffset: dayOffset)
            try attachmentFiles?.store(&rendered, conversationKey: key)
            var placement = RecordPlacement()
            if let rsmf {
                placement.rsmf = try rsmf.add(rendered)
                for (i, id) in rsmf.lastAttachmentIDs.enumerated() where i < rendered.attachments.count {
                    rendered.attachments[i].rsmfID = id
                }
            }
            placement.eml = try eml?.add(rendered)
            placement.html = try html?.add(rendered)
            for writer in recordWriters { try writer.add(rendered, conversationKey: key, placement: placement) }
            try writeRecord(rendered, conversationKey: key, placement: placement)
            next = iterator.next()
        }
        try rsmf?.finish()
        try eml?.finish()
        try html?.finish()
    }

    /// A conversation key no earlier conversation of this export has.
    private func uniqueKey(for first: ExportMessage) -> String {
        let base = SafeName.conversationKey(
            channel: first.channel, account: first.account, conversationID: first.conversation.id)
        var key = base
        var n = 1
        while conversationKeys.contains(key) {
            n += 1
            key = "\(base)-\(n)"
        }
        conversationKeys.insert(key)
        return key
    }

    /// Appends the record's line to the manifest's staged `records` list.
    private func writeRecord(_ m: RenderedMessage, conversationKey: String, placement: RecordPlacement) throws {
        counts.records += 1
        counts.attachments += m.attachments.count
        if m.masked { counts.maskedRecords += 1 }
        var files = [placement.rsmf, placement.eml, placement.html].compactMap { $0 }
        files += recordWriters.map(\.path)
        files += m.attachments.compactMap(\.storedPath)
        let proof = m.message.inclusionProof
        var w = CanonicalJSON()
        w.object { w in
            w.field("commitment", m.message.commitment)
            w.field("conversation", conversationKey)
            w.key("files")
            w.array(files) { w, f in w.string(f) }
            w.field("id", m.recordID)
            w.key("leaf")
            w.base64(m.message.ledgerLeaf)
            w.field("leaf_index", Int64(bitPattern: m.message.leafIndex))
            w.key("proof")
            w.object { w in
                w.key("audit_path")
                w.array(proof.auditPath) { w, h in w.string(h) }
                w.field("leaf_index", Int64(bitPattern: proof.leafIndex))
                w.field("tree_size", Int64(bitPattern: proof.treeSize))
            }
            w.field("source_id", m.message.sourceID)
        }
        if counts.records > 1 { try records.write(",\n") }
        try records.write(w.bytes)
    }
}
