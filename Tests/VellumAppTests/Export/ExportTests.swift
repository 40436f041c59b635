import Foundation
import Testing
@testable import VellumApp
import VellumCore
import VellumCrypto
import VellumExport
import VellumPolicy
import VellumStore

@Suite("Exports from the archive, verified without it")
struct ExportTests {
    static func archive() throws -> TestArchive {
        let t = try TestArchive()
        try DirectoryService(archive: t.archive).importFile(try t.write("d.yaml", Fixture.directory), actor: "t")
        try t.importJSONL(Fixture.chat)
        return t
    }

    @Test("a query export in every format verifies on its own; a changed byte anywhere is caught; the export is ledgered")
    func queryExport() throws {
        let t = try Self.archive()
        let out = t.folder.appendingPathComponent("export-1")
        let summary = try ExportService(archive: t.archive).export(
            .query("channel:whatsapp"), formats: Set(ExportFormat.allCases), to: out, mask: false, actor: "counsel")
        // wa1, wa2 and its edit wa3: the edit travels with the message it edits.
        #expect(summary.records == 3 && summary.conversations == 1)
        let key = t.archive.keys.signing.publicKey.hexString
        #expect(ExportVerifier.verify(folder: out, trustedPublicKeyHex: key).problems.isEmpty)
        #expect(!ExportVerifier.verify(folder: out, trustedPublicKeyHex: String(repeating: "ab", count: 32)).problems.isEmpty)
        let files = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath }
        for file in files.prefix(12) {
            let original = try Data(contentsOf: file)
            var changed = original
            changed[changed.count / 2] ^= 0x01
            try changed.write(to: file)
            #expect(!ExportVerifier.verify(folder: out).problems.isEmpty, "a changed byte in \(file.lastPathComponent) went unnoticed")
            try original.write(to: file)
        }
        #expect(ExportVerifier.verify(folder: out).problems.isEmpty)
        let events = try t.archive.store.read { try $0.ledgerEntries(from: 0, limit: 1000) }
            .map { try LedgerEvent.decode($0.payload) }
        // The manifest's digest is in the clear in a signed leaf: its query, actor and counts are vouched for.
        #expect(events.contains {
            $0.type == .access && $0.action == "export" && $0.actor == "counsel" && $0.count == 3
                && $0.commitment == summary.manifestSHA256
        })
        #expect(try t.verify().ok)
    }

    @Test("a hold export holds exactly what the hold covers; masking hides a card in every body")
    func holdExport() throws {
        let t = try Self.archive()
        try t.importJSONL(#"{"channel":"wecom","account":"corp1","conversation":{"id":"c-li","kind":"direct"},"id":"w9","sent_at":"2026-03-05T09:00:00+08:00","from":{"id":"wmLiNa001"},"to":[{"id":"zhangwei"}],"text":"卡号 4111 1111 1111 1111"}"# + "\n", name: "card.jsonl")
        try HoldService(archive: t.archive).create(
            matter: "Li dispute", reason: "claim", scope: HoldScope(conversations: ["c-li"]), actor: "legal",
            on: CalendarDay("2026-11-29")!)
        let out = t.folder.appendingPathComponent("export-hold")
        let summary = try ExportService(archive: t.archive).export(
            .hold("Li dispute"), formats: [.jsonl, .rsmf], to: out, mask: true, actor: "legal")
        #expect(summary.records == 3)
        let jsonl = try String(contentsOf: out.appendingPathComponent("messages.jsonl"), encoding: .utf8)
        #expect(!jsonl.contains("4111 1111 1111 1111") && jsonl.contains("4111 11** **** 1111"))
        #expect(ExportVerifier.verify(folder: out).problems.isEmpty)
    }

    @Test("a privacy-request export takes the subject's records, restricted ones too; a query export leaves restricted ones out unless asked")
    func privacyAndRestricted() throws {
        let t = try Self.archive()
        let request = try PrivacyRequestService(archive: t.archive).create(
            kind: .access, law: .gdpr, subjects: ["+44 7700 900123"], received: CalendarDay("2026-11-28")!, actor: "dpo")
        let wa1 = t.archive.recordID(SourceRef(channel: .whatsapp, account: "+85291230001", nativeID: "wa1"))
        try ErasureService(archive: t.archive).restrict([wa1], request: request.id, actor: "dpo")
        let subject = try ExportService(archive: t.archive).export(
            .privacyRequest(request.id), formats: [.jsonl], to: t.folder.appendingPathComponent("pr"), mask: false, actor: "dpo")
        #expect(subject.records == 3)
        let lookups = try t.archive.store.read { try $0.ledgerEntries(from: 0, limit: 10_000) }
            .map { try LedgerEvent.decode($0.payload) }.filter { $0.action == "privacy.lookup" }
        #expect(lookups.map(\.actor) == ["dpo"])
        let query = try ExportService(archive: t.archive).export(
            .query("channel:whatsapp"), formats: [.jsonl], to: t.folder.appendingPathComponent("q"), mask: false, actor: "rev")
        #expect(query.records == 2)
        let legal = try ExportService(archive: t.archive).export(
            .query("channel:whatsapp"), formats: [.jsonl], to: t.folder.appendingPathComponent("q2"), mask: false,
            actor: "legal", includeRestricted: true)
        #expect(legal.records == 3)
        #expect(ExportVerifier.verify(folder: t.folder.appendingPathComponent("pr")).problems.isEmpty)
    }
}

@Suite("Conversations stream into the export session")
struct StreamedMessagesTests {
    @Test("messages are made one at a time as the session asks; the first failure ends the sequence and is kept")
    func streaming() throws {
        let t = try ExportTests.archive()
        let records = try t.archive.store.read { try $0.records(after: -1, limit: 10) }.map(\.record)
        let head = try #require(try t.archive.store.read { try $0.latestTreeHead() })
        let service = ExportService(archive: t.archive)
        var made: [RecordID] = []
        let ok = StreamedMessages(ids: records.map(\.id)) { id in
            made.append(id)
            return try service.exportMessage(records.first { $0.id == id }!, head: head)
        }
        let iterator = ok.makeIterator()
        #expect(iterator.next()?.recordID == records[0].id && made == [records[0].id])
        #expect(Array(ok).count == records.count && ok.failure.error == nil)
        let failing = StreamedMessages(ids: records.map(\.id)) { id in
            guard id != records[2].id else { throw VellumError(.notFound, "gone") }
            return try service.exportMessage(records.first { $0.id == id }!, head: head)
        }
        #expect(Array(failing).count == 2)
        #expect((failing.failure.error as? VellumError)?.reason == "gone")
    }
}
