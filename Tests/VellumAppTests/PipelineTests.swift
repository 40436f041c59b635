import Foundation
import VellumStore
@testable import VellumSQLite
import Testing
@testable import VellumApp
import VellumCore
import VellumCrypto
import VellumCapture

@Suite("The pipeline: import, dedup, versions, search, show, verify")
struct PipelineTests {
    @Test("every line counts once; a second import adds nothing")
    func counts() throws {
        let t = try TestArchive()
        let first = try t.importJSONL(Fixture.chat + Fixture.broken)
        #expect(first.imported == 7 && first.duplicates == 0 && first.quarantined == 4)
        let again = try t.importJSONL(Fixture.chat + Fixture.broken)
        #expect(again.imported == 0 && again.duplicates == 7 && again.quarantined == 4)
        #expect(try t.archive.store.read { try $0.recordCount() } == 7)
        #expect(try QuarantineService(archive: t.archive).list().count == 4)
        #expect(try t.verify().problems == [])
    }

    @Test("quarantine names file, line and field, and keeps the raw line sealed and retryable")
    func quarantine() throws {
        let t = try TestArchive()
        try t.importJSONL(Fixture.broken, name: "export.jsonl")
        let items = try QuarantineService(archive: t.archive).list()
        #expect(items.map(\.line) == [1, 2, 3, 4])
        #expect(items.map(\.field) == ["sent_at", nil, "channel", "sent_at"])
        #expect(items.allSatisfy { $0.file == "export.jsonl" && $0.status == "open" })
        #expect(items[3].reason.contains("missing"))
        let retry = try QuarantineService(archive: t.archive).retry(actor: "tester")
        #expect(retry.retried == 4 && retry.resolved == 0 && retry.still_quarantined == 4)
        #expect(!(try t.allBytes()).contains(Data("no offset".utf8)))
    }

    @Test("Chinese two-character words, English words and phrases are found")
    func search() throws {
        let t = try TestArchive()
        try t.importJSONL(Fixture.chat)
        #expect(try t.search("合同").hits.map(\.source_id) == ["w1"])
        #expect(try t.search("付款").hits.map(\.source_id) == ["w2"])
        #expect(try t.search("合").total == 1)
        #expect(Set(try t.search("allocation memo").hits.map(\.source_id)) == ["wa1", "wa2", "wa3"])
        #expect(try t.search("\"revised allocation\"").hits.map(\.source_id) == ["wa3"])
        #expect(try t.search("\"allocation revised\"").total == 0)
        #expect(try t.search("memo.txt").total == 1)
        #expect(try t.search("nothinglikethis").total == 0)
        let hit = try #require(try t.search("合同").hits.first)
        #expect(hit.snippet.contains("«合同»"))
        #expect(hit.sender == "李娜" && hit.channel == "wecom" && hit.conversation == "李娜")
        #expect(hit.sent_at == "2026-03-02T09:15:04+08:00")
    }

    @Test("filters alone list by time; channel, participant, conversation and dates filter")
    func filters() throws {
        let t = try TestArchive()
        try t.importJSONL(Fixture.chat)
        #expect(try t.search(nil).hits.map(\.source_id) == ["w1", "w2", "wa1", "wa2", "wa3", "t1", "t2"])
        #expect(try t.search(nil) { $0.channels = [.telegram] }.total == 2)
        #expect(try t.search(nil) { $0.participants = ["+447700900123"] }.total == 3)
        #expect(try t.search(nil) { $0.participants = ["wmLiNa001"] }.total == 2)
        #expect(try t.search(nil) { $0.conversations = ["wa-tom"] }.total == 3)
        #expect(try t.search(nil) {
            $0.since = Timestamp(rfc3339: "2026-03-03T00:00:00Z")!.date
            $0.until = Timestamp(rfc3339: "2026-03-03T23:59:59Z")!.date
        }.total == 3)
        #expect(try t.search("memo") { $0.channels = [.wecom] }.total == 0)
    }

    @Test("the directory tells employees from outsiders, and employee ids filter")
    func directory() throws {
        let t = try TestArchive()
        #expect(try DirectoryService(archive: t.archive).importFile(try t.write("d.yaml", Fixture.directory), actor: "t") == 1)
        try t.importJSONL(Fixture.chat)
        #expect(try t.search(nil) { $0.participants = ["E1001"] }.total == 5)
        let w2 = try #require(try t.search("付款").hits.first)
        let view = try RecordViewer(archive: t.archive).show(w2.id, actor: "t")
        #expect(view.sender.employee == "E1001" && view.recipients.first?.employee == nil)
        // Zhang Wei writing to 李娜 is sealed under 李娜's scope, so erasing her takes it too.
        let records = try t.archive.store.read { tx in try ["w1", "w2"].map { try tx.record(id: t.archive.recordID(SourceRef(channel: .wecom, account: "corp1", nativeID: $0)))! } }
        #expect(records[0].scope == records[1].scope)
        #expect(records[0].scope == t.archive.scopeID("party:wecom:wmLiNa001"))
    }

    @Test("edits and recalls are versions; the original stays and is still searchable")
    func versions() throws {
        let t = try TestArchive()
        try t.importJSONL(Fixture.chat)
        let original = try #require(try t.search("\"attached the allocation\"").hits.first)
        let view = try RecordViewer(archive: t.archive).show(original.id, actor: "t")
        #expect(view.versions.map(\.source_id) == ["wa2", "wa3"])
        #expect(view.versions.map(\.kind) == ["message", "edit"])
        #expect(view.versions.first?.text == "Attached the allocation memo")
        #expect(view.inclusion_proof.verified)
        #expect(view.attachments.first?.size == 31)
        let recalled = try #require(try t.search("quarterly").hits.first)
        let rv = try RecordViewer(archive: t.archive).show(recalled.id, actor: "t")
        #expect(rv.versions.map(\.kind) == ["message", "recall"])
    }

    @Test("an edit that arrives before its original is linked when the original comes")
    func outOfOrder() throws {
        let t = try TestArchive()
        let lines = Fixture.chat.split(separator: "\n").map(String.init)
        try t.importJSONL(lines[4] + "\n", name: "a.jsonl")
        try t.importJSONL(lines[3] + "\n", name: "b.jsonl")
        let id = try #require(try t.search("\"attached the allocation\"").hits.first?.id)
        #expect(try RecordViewer(archive: t.archive).show(id, actor: "t").versions.map(\.source_id) == ["wa2", "wa3"])
    }

    @Test("every search and show is written to the ledger with its actor")
    func accessLog() throws {
        let t = try TestArchive()
        try t.importJSONL(Fixture.chat)
        let before = try t.archive.store.read { try $0.ledgerSize() }
        let hit = try #require(try t.search("合同").hits.first)
        _ = try RecordViewer(archive: t.archive).show(hit.id, actor: "auditor-7")
        let events = try t.archive.store.read { try $0.ledgerEntries(from: before, limit: 10) }.map { try LedgerEvent.decode($0.payload) }
        #expect(events.map(\.action) == ["search", "show"])
        #expect(events.map(\.actor) == ["tester", "auditor-7"])
        #expect(events[0].records == [hit.id])
        #expect(!(try t.allBytes()).contains(Data("合同".utf8)))
        #expect(try t.verify().ok)
    }

    @Test("nothing readable at rest: no word, name, phone number or attachment text in any file")
    func noPlaintext() throws {
        let t = try TestArchive()
        try DirectoryService(archive: t.archive).importFile(try t.write("d.yaml", Fixture.directory), actor: "t")
        try t.importJSONL(Fixture.chat + Fixture.broken)
        _ = try t.search("合同")
        let bytes = try t.allBytes()
        for needle in ["合同", "付款", "李娜", "Zhang Wei", "zhangwei", "wmLiNa001", "Tom Baker", "+447700900123",
                       "7700 900123", "85291230001", "allocation", "Quarterly", "Confidential memo", "iPhone",
                       "Priya", "harbourbridge", "Wealth Management", "chat.jsonl", "not json"] {
            #expect(!bytes.contains(Data(needle.utf8)), "found \(needle) in the data directory")
        }
    }

    @Test("a wrong master key is refused before anything is written")
    func wrongKey() throws {
        let t = try TestArchive()
        try t.importJSONL(Fixture.chat)
        let before = try t.allBytes()
        let wrong = t.folder.appendingPathComponent("wrong.key")
        try MasterKeyFile.write(to: wrong)
        #expect(throws: VellumError.self) { try Archive.open(t.dir, masterKeyFile: wrong) }
        #expect(try t.allBytes() == before)
    }

    @Test("init refuses an existing archive and an existing key file")
    func initRefuses() throws {
        let t = try TestArchive()
        #expect(throws: VellumError.self) { try Archive.create(at: t.dir) }
        let other = DataDirectory(t.folder.appendingPathComponent("other").path)
        #expect(throws: VellumError.self) { try Archive.create(at: other, masterKeyFile: t.dir.defaultMasterKey) }
        let mode = try FileManager.default.attributesOfItem(atPath: t.dir.defaultMasterKey.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}

enum MasterKeyFile {
    static func write(to url: URL) throws {
        try Archive.writePrivateFile(MasterKey.generate().fileRepresentation, to: url)
    }
}


@Suite("Query terms")
struct QueryTermsTests {
    @Test("a two-character CJK word is looked up by its bigram; everything else keeps its terms", arguments: [
        ("合同", [["合同"]]),
        ("合同书", [["合", "合同", "同", "同书", "书"]]),
        ("合", [["合"]]),
        ("\"a aa a\"", [["a", "aa", "a"]]),
        ("bond 付款", [["bond"], ["付款"]]),
    ])
    func terms(_ query: String, _ expected: [[String]]) {
        #expect(QueryText.phrases(query).map(QueryText.indexTerms) == expected)
    }
}

@Suite("Pipelined import")
struct PipelinedImportTests {
    @Test("batches end at their byte bound: lines with large attachments commit a few at a time, all counted once")
    func byteBoundedBatches() throws {
        let t = try TestArchive()
        let photo = Data((0 ..< 40_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }).base64EncodedString()
        let lines = (1 ... 30).map { n in
            #"{"channel":"whatsapp","conversation":{"id":"c1","kind":"direct"},"id":"p\#(n)","#
                + #""sent_at":"2026-03-01T09:00:\#(String(format: "%02d", n))+08:00","from":{"id":"+85291234567"},"#
                + #""to":[{"id":"+85298765432"}],"text":"photo \#(n)","#
                + #""attachments":[{"name":"p\#(n).jpg","media_type":"image/jpeg","content_base64":"\#(photo)"}]}"#
        }
        let url = try t.write("photos.jsonl", lines.joined(separator: "\n"))
        var reports = 0
        let importer = FileImporter(ingestor: try Ingestor(archive: t.archive), format: .jsonl, batchBytes: 100_000)
        let summary = try importer.importFile(url, progress: { _ in reports += 1 })
        #expect(summary.imported == 30 && summary.lines == 30)
        #expect(reports == 15, "two lines of ~53 KB reach the 100 KB bound")
        #expect(try t.verify().ok)
        // Items of a whole-file export are cut the same way, by text and attachment bytes.
        let items = [100, 10, 10, 500, 1].map { size in
            IncomingItem.unreadable(
                ImportIssue(file: "f", line: 1, field: nil, reason: "r"), raw: Data(count: size), format: "jsonl")
        }
        #expect(FileImporter.batchEnd(items[...], maxItems: 10, maxBytes: 100) == 1)
        #expect(FileImporter.batchEnd(items[1...], maxItems: 10, maxBytes: 100) == 3)
        #expect(FileImporter.batchEnd(items[1...], maxItems: 2, maxBytes: 100) == 2)
        #expect(FileImporter.batchEnd(items[4...], maxItems: 10, maxBytes: 100) == 1)
    }

    @Test("batches overlap yet count once: repeats across batch borders, a bad line, progress after commit")
    func overlap() throws {
        let t = try TestArchive()
        var corpus = SyntheticCorpus(seed: 3)
        var lines = corpus.lines(2_400)
        // Batches of 400, two handed to the writer while a third is staged: a repeat of a
        // message of the batch just before is staged before that batch has committed.
        lines.insert(lines[1_390], at: 1_650)  // from the fourth batch into the fifth
        lines.insert(lines[5], at: 2_100)  // from the first into the sixth
        lines.insert("not json", at: 2_000)
        let url = try t.write("big.jsonl", lines.joined(separator: "\n"))
        var reports: [(ImportSummary, Int)] = []
        let importer = FileImporter(ingestor: try Ingestor(archive: t.archive), format: .jsonl, batchSize: 400)
        let summary = try importer.importFile(url, progress: { s in
            reports.append((s, (try? t.archive.store.read { try $0.recordCount() }) ?? -1))
        })
        #expect(summary.imported == 2_400 && summary.duplicates == 2 && summary.quarantined == 1)
        #expect(reports.count == 7)
        #expect(reports.allSatisfy { $0.0.imported <= $0.1 }, "a batch is reported only once it is committed")
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.0.lines < $1.0.lines })
        #expect(try t.archive.store.read { try $0.recordCount() } == 2_400)
        #expect(try t.verify().ok)
    }

    @Test("batches start at 1,000 and double up to the batch size; smaller sizes are kept as they are")
    func batchSizesRamp() {
        func first(_ n: Int, limit: Int) -> [Int] {
            var sizes = BatchSizes(limit: limit)
            return (0 ..< n).map { _ in sizes.next() }
        }
        #expect(first(6, limit: 8_000) == [1_000, 2_000, 4_000, 8_000, 8_000, 8_000])
        #expect(first(4, limit: 3_000) == [1_000, 2_000, 3_000, 3_000])
        #expect(first(3, limit: 1_000) == [1_000, 1_000, 1_000])
        #expect(first(3, limit: 400) == [400, 400, 400])
        #expect(first(2, limit: 0) == [1, 1])
    }

    @Test("an import is one bulk load: the writer checkpoints less often while it runs, as before after it")
    func importIsBulkLoad() throws {
        let t = try TestArchive()
        var corpus = SyntheticCorpus(seed: 4)
        let url = try t.write("bulk.jsonl", corpus.lines(30).joined(separator: "\n"))
        var during: [Int] = []
        let importer = FileImporter(ingestor: try Ingestor(archive: t.archive), format: .jsonl, batchSize: 10)
        let summary = try importer.importFile(url, progress: { _ in during.append((try? t.sqlite.writerCheckpointPages()) ?? -1) })
        #expect(summary.imported == 30)
        #expect(during == [t.sqlite.bulkCheckpointPages, t.sqlite.bulkCheckpointPages, t.sqlite.bulkCheckpointPages])
        #expect(try t.sqlite.writerCheckpointPages() == t.sqlite.checkpointPages)
        #expect(try t.verify().ok)
    }
}
