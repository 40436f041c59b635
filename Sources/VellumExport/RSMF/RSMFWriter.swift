import Foundation
import VellumCore

/// Writes one conversation as RSMF 2.0 files, one per slice.
///
/// Slices close at ``RSMFSliceLimits``; all slices of a conversation share an
/// `eventcollectionid`. Revisions fold into their target's event when the target is in the
/// open slice (edits → `edits[]`, recalls → `deleted` + `recalled_at`, reactions →
/// `reactions[]`, read/delivered statuses → `read_receipts[]`); otherwise they become an event
/// of their own (type `unknown`, custom `revision` and `revision_target`).
final class RSMFWriter: ConversationWriter {
    let conversationKey: String
    let conversation: Conversation
    let channel: Channel
    let account: String
    let limits: RSMFSliceLimits
    let generator: String
    let custodian: ExportContext.Custodian?
    let registry: OutputRegistry
    let eventCollectionID: String
    private var slice: RSMFSlice?
    private var sliceCount = 0

    init(
        conversationKey: String, first: ExportMessage, limits: RSMFSliceLimits, generator: String,
        custodian: ExportContext.Custodian?, registry: OutputRegistry
    ) {
        self.conversationKey = conversationKey
        self.conversation = first.conversation
        self.channel = first.channel
        self.account = first.account
        self.limits = limits
        self.generator = generator
        self.custodian = custodian
        self.registry = registry
        self.eventCollectionID = "vellum-" + conversationKey
    }

    /// The `rsmf.zip` names given to the attachments of the message added last (the ids a
    /// load file cites for child attachments).
    var lastAttachmentIDs: [String] = []

    func add(_ m: RenderedMessage) throws -> String {
        lastAttachmentIDs = []
        // A revision carrying files stays an event of its own so its attachments are kept.
        if let slice, m.attachments.isEmpty, let target = m.message.revision?.targetID,
            let index = slice.eventIndexBySource[target]
        {
            fold(m, into: index, slice: slice)
            return slice.path
        }
        let estimate = Self.estimate(m)
        if let current = slice, !current.isEmpty, mustClose(current, before: m, estimate: estimate) {
            try close(current)
            slice = nil
        }
        let open = try slice ?? openSlice(day: m.day)
        slice = open
        try append(m, to: open)
        return open.path
    }

    func finish() throws {
        if let slice { try close(slice) }
        slice = nil
    }

    private func mustClose(_ s: RSMFSlice, before m: RenderedMessage, estimate: Int64) -> Bool {
        if s.events.count + 1 > limits.maxEvents { return true }
        if s.estimatedBytes + estimate > limits.maxBytes { return true }
        if let maxDays = limits.maxDays, let first = s.firstDay, m.day - first + 1 > Int64(maxDays) { return true }
        return false
    }

    /// Bytes the message adds to a slice, before its attachments' container overhead.
    private static func estimate(_ m: RenderedMessage) -> Int64 {
        let body = Int64(m.body?.utf8.count ?? 0)
        let files = m.attachments.reduce(Int64(0)) { $0 + Int64($1.data.count) + 300 }
        return (900 + body * 2 + files) * 4 / 3 + body * 3 / 2
    }

    private func openSlice(day: Int64) throws -> RSMFSlice {
        sliceCount += 1
        let path = "rsmf/\(conversationKey)/\(conversationKey)_\(String(format: "%04d", sliceCount)).rsmf"
        let s = try RSMFSlice(number: sliceCount, path: path, zipURL: registry.scratchURL(".rsmf.zip"))
        s.firstDay = day
        return s
    }

    private func close(_ s: RSMFSlice) throws {
        let manifest = RSMFManifestBuilder.manifest(
            of: s, conversation: conversation, channel: channel, account: account, eventCollectionID: eventCollectionID)
        try s.closeZip(manifest: manifest, modified: s.events.last?.timestamp.date ?? Date(timeIntervalSince1970: 0))
        let out = try registry.create(s.path)
        try RSMFEnvelope.write(
            slice: s, conversation: conversation, channel: channel, generator: generator, custodian: custodian,
            eventCollectionID: eventCollectionID, to: out)
        try out.close()
        try? FileManager.default.removeItem(at: s.zipURL)
    }
}
