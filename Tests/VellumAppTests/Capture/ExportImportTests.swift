import Foundation
import Testing
@testable import VellumApp
import VellumCore
import VellumStore
import ZIPFoundation

@Suite("Importing whole export files")
struct ExportImportTests {
    static let fixtures = WeComImportTests.fixtures.deletingLastPathComponent()

    func show(_ t: TestArchive, _ source: SourceRef) throws -> RecordView? {
        try RecordViewer(archive: t.archive).show(t.archive.recordID(source).rawValue, actor: "t")
    }

    @Test("a WhatsApp .zip export: the chat is read, the photo in the zip is attached, the zone assumption is said, and a re-import adds nothing")
    func whatsAppZip() throws {
        let t = try TestArchive()
        let text = try Data(contentsOf: Self.fixtures.appendingPathComponent("WhatsApp/export/WhatsApp Chat with Desk Team.txt"))
        let photo = Data("not really a jpeg, but bytes all the same".utf8)
        let zipURL = t.folder.appendingPathComponent("WhatsApp Chat with Desk Team.zip")
        let zip = try ZIPFoundation.Archive(url: zipURL, accessMode: .create)
        for (name, bytes) in [("_chat.txt", text), ("IMG-20240205-WA0001.jpg", photo)] {
            try zip.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) {
                position, size in bytes.subdata(in: Int(position) ..< Int(position) + size)
            }
        }
        let importer = FileImporter(
            ingestor: try Ingestor(archive: t.archive), format: .whatsappExport,
            options: ImportOptions(account: "+85291230001", timeZone: "Asia/Hong_Kong"))
        var notes: [String] = []
        let first = try importer.importFile(zipURL, note: { notes.append($0) })
        #expect(first.imported > 3 && first.quarantined == 0)
        #expect(notes.contains { $0.contains("day/month") || $0.contains("month/day") })
        #expect(!notes.contains { $0.contains("UTC") })
        #expect(try importer.importFile(zipURL).duplicates == first.imported)
        // The message naming the photo carries it, sealed.
        let hits = try t.search("IMG-20240205-WA0001.jpg")
        let hit = try #require(hits.hits.first)
        let view = try RecordViewer(archive: t.archive).show(hit.id, actor: "t")
        #expect(view.attachments.first?.name == "IMG-20240205-WA0001.jpg")
        #expect(view.attachments.first?.size == photo.count)
        #expect(view.sent_at.hasSuffix("+08:00"))
        #expect(try t.verify().ok)
    }

    @Test("without --timezone the import says it read local times as UTC")
    func assumedZone() throws {
        let t = try TestArchive()
        var notes: [String] = []
        let url = Self.fixtures.appendingPathComponent("WhatsApp/export/WhatsApp Chat with Ana Lima.txt")
        _ = try FileImporter(ingestor: try Ingestor(archive: t.archive), format: .whatsappExport)
            .importFile(url, note: { notes.append($0) })
        #expect(notes.contains { $0.contains("UTC") })
    }

    @Test("a garbage line in an export is quarantined with its line, and only that line is kept as evidence")
    func garbage() throws {
        let t = try TestArchive()
        let url = Self.fixtures.appendingPathComponent("WhatsApp/export/WhatsApp Chat with Garbage.txt")
        let s = try FileImporter(ingestor: try Ingestor(archive: t.archive), format: .whatsappExport).importFile(url)
        #expect(s.quarantined >= 1 && s.imported >= 1)
        let item = try t.archive.store.read { try $0.quarantineItems() }[0]
        let content = try t.archive.openQuarantine(item)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(content.raw == Data(lines[content.line - 1].utf8))
    }

    @Test("a Telegram Desktop export folder: files present are attached, files not exported stay as references")
    func telegramFolder() throws {
        let t = try TestArchive()
        let folder = t.folder.appendingPathComponent("ChatExport_2026-01-02")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("files"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.fixtures.appendingPathComponent("Telegram/export_private_chat.json"),
            to: folder.appendingPathComponent("result.json"))
        let pdf = Data("%PDF-1.4 contract".utf8)
        try pdf.write(to: folder.appendingPathComponent("files/合同 contract.pdf"))
        let importer = FileImporter(
            ingestor: try Ingestor(archive: t.archive), format: .telegramExport, options: ImportOptions(account: "me"))
        let first = try importer.importFile(folder)
        #expect(first.imported > 3 && first.quarantined == 0)
        #expect(try importer.importFile(folder).duplicates == first.imported)
        let hit = try #require(try t.search("contract.pdf").hits.first)
        let view = try RecordViewer(archive: t.archive).show(hit.id, actor: "t")
        #expect(view.attachments.contains { $0.name == "合同 contract.pdf" && $0.size == pdf.count })
        #expect(try t.verify().ok)
    }

    @Test("a crafted export cannot pull files from outside its folder into the archive")
    func traversal() throws {
        let t = try TestArchive()
        let folder = t.folder.appendingPathComponent("Crafted")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("outside secret".utf8).write(to: t.folder.appendingPathComponent("secret.txt"))
        let json = #"{"name":"X","type":"personal_chat","id":42,"messages":[{"id":1,"type":"message","date":"2026-01-01T10:00:00","date_unixtime":"1767261600","from":"A","from_id":"user7","file":"../secret.txt","mime_type":"text/plain","text":"see file"}]}"#
        try Data(json.utf8).write(to: folder.appendingPathComponent("result.json"))
        let s = try FileImporter(ingestor: try Ingestor(archive: t.archive), format: .telegramExport).importFile(folder)
        #expect(s.imported == 1)
        let hit = try #require(try t.search("see file").hits.first)
        #expect(try RecordViewer(archive: t.archive).show(hit.id, actor: "t").attachments.isEmpty)
    }
}

@Suite("Attachments are sealed under their message's own key")
struct AttachmentKeyTests {
    @Test("a file repeated in one message is one blob; sent in two messages it is two, so each can be shredded alone")
    func perMessage() throws {
        let t = try TestArchive()
        let file = #"{"name":"memo.txt","media_type":"text/plain","content_base64":"Q29uZmlkZW50aWFsIG1lbW8="}"#
        let line = { (id: String, files: Int) in
            #"{"channel":"whatsapp","account":"+85291230001","conversation":{"id":"wa-tom","kind":"direct"},"id":"\#(id)","sent_at":"2026-03-03T10:05:00Z","from":{"id":"+85291230001"},"to":[{"id":"+44 7700 900123"}],"text":"memo","attachments":[\#(Array(repeating: file, count: files).joined(separator: ","))]}"#
        }
        try t.importJSONL(line("d1", 2) + "\n")
        #expect(try t.archive.blobs.allRefs().count == 1)
        try t.importJSONL(line("d2", 1) + "\n", name: "second.jsonl")
        #expect(try t.archive.blobs.allRefs().count == 2)
        #expect(try t.verify().ok)
    }
}
