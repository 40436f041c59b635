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

@Suite("Capture health across channels")
struct CaptureHealthTests {
    @Test("a WhatsApp status for a message never captured is a reported gap, closed when the message arrives")
    func statusGap() throws {
        let t = try TestArchive()
        func body(_ statuses: String, messages: String = "") -> String {
            #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"85291230001","phone_number_id":"PN1"},"#
                + messages + #""statuses":[\#(statuses)]}}]}]}"#
        }
        let read = #"{"id":"wamid.MISSING","status":"read","timestamp":"1760000000","recipient_id":"447700900123"}"#
        let importer = FileImporter(ingestor: try Ingestor(archive: t.archive), format: .whatsappCloud)
        let s = try importer.importFile(try t.write("hook1.jsonl", body(read) + "\n"))
        #expect(s.imported == 1 && s.quarantined == 0)
        var report = try CaptureHealthService(archive: t.archive).report(now: 1_760_000_000_000)
        #expect(report.gaps.map(\.kind) == ["status"] && report.gaps.first?.channel == .whatsapp)
        let message = #""contacts":[{"profile":{"name":"Tom"},"wa_id":"447700900123"}],"messages":[{"from":"447700900123","id":"wamid.MISSING","timestamp":"1759999990","type":"text","text":{"body":"late but here"}}],"#
        _ = try importer.importFile(try t.write("hook2.jsonl", body("", messages: message) + "\n"))
        report = try CaptureHealthService(archive: t.archive).report(now: 1_760_000_000_000)
        #expect(report.gaps.isEmpty)
        #expect(report.accounts.contains { $0.channel == .whatsapp && $0.account == "PN1" })
    }
}
