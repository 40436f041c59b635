import Foundation
import Testing
@testable import VellumApp
import VellumCore
import VellumStore

@Suite("Importing WeCom decrypted messages")
struct WeComImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("VellumCaptureTests/Fixtures/WeCom")

    @Test("every type of the project's fixture file is archived, searchable, linked and verifiable")
    func fixtureFile() throws {
        let t = try TestArchive()
        let importer = FileImporter(
            ingestor: try Ingestor(archive: t.archive), format: .wecom, options: ImportOptions(account: "ww-corp-1"))
        let url = Self.fixtures.appendingPathComponent("messages.jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").count
        let summary = try importer.importFile(url)
        #expect(summary.imported == lines && summary.quarantined == 0)
        #expect(try importer.importFile(url).duplicates == lines)
        #expect(try t.search("合同").total >= 1)
        // Every record opens, and kinds other than text were kept.
        let kinds = try t.archive.store.read { tx in
            try tx.records(after: -1, limit: 1000).map { try t.archive.open($0.record, reader: tx).message.messageKind }
        }
        #expect(Set(kinds).isSuperset(of: [.text, .image, .audio, .video, .file, .location, .bundle, .payment, .consent, .recall]))
        #expect(try t.verify().ok)
    }

    @Test("a record that is not JSON is quarantined with its line; the rest continue; the options are kept for retry")
    func quarantine() throws {
        let t = try TestArchive()
        let good = #"{"msgid":"q1","action":"send","from":"zhangwei","tolist":["wmX"],"roomid":"","msgtime":1718600000000,"msgtype":"text","text":{"content":"hello"}}"#
        let url = try t.write("w.jsonl", good + "\n{not json\n")
        let s = try FileImporter(
            ingestor: try Ingestor(archive: t.archive), format: .wecom, options: ImportOptions(account: "corp9")
        ).importFile(url)
        #expect(s.imported == 1 && s.quarantined == 1)
        let items = try QuarantineService(archive: t.archive).list()
        #expect(items.first?.line == 2 && items.first?.format == "wecom")
        let content = try t.archive.openQuarantine(try t.archive.store.read { try $0.quarantineItems() }[0])
        #expect(content.options?.account == "corp9")
        let record = try t.archive.store.read { tx in
            try tx.record(id: t.archive.recordID(SourceRef(channel: .wecom, account: "corp9", nativeID: "q1")))
        }
        #expect(record != nil)
    }
}

@Suite("Importing Telegram updates and signal-cli output")
struct TelegramSignalImportTests {
    static let fixtures = WeComImportTests.fixtures.deletingLastPathComponent()

    @Test("bot updates and signal-cli lines import, re-import as duplicates, and link edits and reactions to their targets",
          arguments: [(ImportFormat.telegramBot, "Telegram/bot_updates.jsonl"), (.signalCLI, "Signal/signal_receive.jsonl")])
    func lines(format: ImportFormat, file: String) throws {
        let t = try TestArchive()
        let importer = FileImporter(ingestor: try Ingestor(archive: t.archive), format: format,
                                    options: ImportOptions(account: "acct-1"))
        let url = Self.fixtures.appendingPathComponent(file)
        let first = try importer.importFile(url)
        #expect(first.imported > 10 && first.quarantined == 0)
        #expect(try importer.importFile(url).duplicates == first.imported)
        let linked = try t.archive.store.read { tx in
            try tx.records(after: -1, limit: 10_000).filter { $0.record.targetKey != nil }.count
        }
        #expect(linked > 0)
        #expect(try t.verify().ok)
    }
}
