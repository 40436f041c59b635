import Foundation
import Testing
import VellumCore
import VellumExport

@Suite("RSMF writer and reader round trip")
struct RSMFRoundTripTests {
    static func readAll(_ folder: URL) throws -> [String: RSMFDocument] {
        var out: [String: RSMFDocument] = [:]
        for path in TempDir.files(folder, extension: "rsmf") {
            out[path] = try RSMFReader.read(contentsOf: folder.appendingPathComponent(path))
        }
        return out
    }

    static func direct(_ docs: [String: RSMFDocument]) throws -> RSMFDocument {
        try #require(docs.values.first { $0.manifest.conversations.first?.id == TestCorpus.direct.id })
    }

    @Test("one RSMF per conversation, readable back, with no structural issue")
    func exportsReadableFiles() throws {
        let (folder, _, _) = try TestCorpus.export(formats: [.rsmf])
        let docs = try Self.readAll(folder)
        #expect(docs.count == 2)
        for (path, doc) in docs {
            #expect(RSMFValidator.validate(doc).isEmpty, "\(path): \(RSMFValidator.validate(doc))")
            #expect(doc.manifest.version == "2.0.0")
            #expect(doc.manifest.eventcollectionid?.hasPrefix("vellum-") == true)
        }
    }

    @Test("participants, events and bodies survive the round trip")
    func participantsAndEvents() throws {
        let (folder, _, _) = try TestCorpus.export(formats: [.rsmf])
        let doc = try Self.direct(try Self.readAll(folder))
        let m = doc.manifest
        #expect(m.participants.map(\.id) == [TestCorpus.alice.id, TestCorpus.bob.id])
        #expect(m.participants.map(\.display) == ["Alice Zhang", "Bob \"Bobby\" O'Neil"])
        #expect(m.participants[0].custom == [.init(name: "employee_id", value: "E001")])
        let conv = try #require(m.conversations.first)
        #expect(conv.platform == "whatsapp" && conv.type == "direct" && conv.custodian == TestCorpus.alice.id)
        #expect(Set(conv.participants) == [TestCorpus.alice.id, TestCorpus.bob.id])
        // 16 records: 2 edits, 3 reactions, 2 statuses and 1 recall fold into their targets.
        #expect(m.events.count == 8)
        let originals = TestCorpus.directChat().filter { $0.revision == nil }
        #expect(m.events.map(\.id) == originals.map { $0.recordID.rawValue })
        #expect(m.events.map(\.body) == originals.map(\.text))
        #expect(m.events.allSatisfy { $0.conversation == TestCorpus.direct.id && $0.type == "message" })
        #expect(m.events[0].timestamp == "2026-03-02T08:00:00+08:00")
        #expect(m.events[0].direction == "outgoing" && m.events[1].direction == "incoming")
        #expect(m.events[2].parent == "rec-d1")
        #expect(m.events[0].custom("source_id") == "wamid.1")
        #expect(m.events[0].custom("record_id") == "rec-d1")
        #expect(m.events[0].custom("commitment") == TestCorpus.directChat()[0].commitment)
        #expect(m.events[7].custom("field.latitude") == "31.2304")
        #expect(doc.header("X-RSMF-EventCount") == "8")
        #expect(doc.header("X-RSMF-AttachmentCount") == "2")
        #expect(doc.header("X-RSMF-Application") == "WhatsApp")
        #expect(doc.header("X-RSMF-Custodian") == "Alice Zhang")
        #expect(doc.header("X-RSMF-BeginDate") == "2026-03-02T08:00:00+08:00")
        #expect(doc.header("X-RSMF-Participants") == "Alice Zhang, Bob \"Bobby\" O'Neil")
        #expect(doc.text?.contains("Alice Zhang: Hi Bob") == true)
    }

    @Test("edits, reactions, read receipts and recalls fold into the original event")
    func revisionsFold() throws {
        let (folder, _, _) = try TestCorpus.export(formats: [.rsmf])
        let events = try Self.direct(try Self.readAll(folder)).manifest.events
        let price = try #require(events.first { $0.id == "rec-d4" })
        #expect(price.body == "Price is 4.25")
        #expect(price.edits?.map(\.previous) == ["Price is 4.25", "Price is 4.35"])
        #expect(price.edits?.map(\.new) == ["Price is 4.35", "Price is 4.45 final"])
        #expect(price.edits?.map(\.participant) == [TestCorpus.alice.id, TestCorpus.alice.id])
        #expect(price.edits?.first?.timestamp == "2026-03-02T08:04:00+08:00")
        // Bob reacted 👍 then 😂 (his latest counts); Alice ❤️.
        let reactions = try #require(price.reactions)
        #expect(reactions.map(\.value) == ["❤️", "😂"])
        #expect(reactions.map(\.participants) == [[TestCorpus.alice.id], [TestCorpus.bob.id]])
        #expect(reactions.map(\.count) == [1, 1])
        #expect(price.readReceipts?.map(\.action) == ["delivered", "read"])
        #expect(price.readReceipts?.allSatisfy { $0.participant == TestCorpus.bob.id } == true)
        let recalled = try #require(events.first { $0.id == "rec-d14" })
        #expect(recalled.deleted == true)
        #expect(recalled.custom("recalled_at") == "2026-03-02T08:13:00+08:00")
    }

    @Test("attachment bytes come back from rsmf.zip under unique flat names")
    func attachments() throws {
        let (folder, _, _) = try TestCorpus.export(formats: [.rsmf])
        let doc = try Self.direct(try Self.readAll(folder))
        let attached = doc.manifest.events.flatMap { $0.attachments ?? [] }
        #expect(attached.map(\.display) == ["chart.png", "报价单 v2 (final).pdf"])
        #expect(attached.map(\.size) == [Int64(TestCorpus.png.count), Int64(TestCorpus.pdf.count)])
        #expect(doc.zipEntries[attached[0].id] == TestCorpus.png)
        #expect(doc.zipEntries[attached[1].id] == TestCorpus.pdf)
        #expect(attached.allSatisfy { !$0.id.contains("/") && $0.id.unicodeScalars.allSatisfy(\.isASCII) })
        #expect(Set(doc.zipEntries.keys) == Set(attached.map(\.id) + ["rsmf_manifest.json"]))
    }

    @Test("system notices become join and leave events; the group is a channel")
    func systemEvents() throws {
        let (folder, _, _) = try TestCorpus.export(formats: [.rsmf])
        let docs = try Self.readAll(folder)
        let group = try #require(docs.values.first { $0.manifest.conversations.first?.id == TestCorpus.group.id })
        #expect(group.manifest.conversations[0].type == "channel")
        #expect(group.manifest.conversations[0].display == "Deal team 交易组")
        #expect(group.manifest.events.map(\.type) == ["message", "join", "message", "message", "leave", "message"])
        #expect(group.manifest.participants.first { $0.id == "dave" }?.display == "dave")
    }

    @Test("the EML layer is 7-bit with CRLF line ends, short lines and one attachment")
    func layerOneShape() throws {
        let (folder, _, _) = try TestCorpus.export(formats: [.rsmf])
        for path in TempDir.files(folder, extension: "rsmf") {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(path)))
            #expect(bytes.allSatisfy { $0 < 0x80 && $0 != 0 }, "\(path) is not 7-bit")
            EMLShape.expectCRLFAndLineLengths(bytes, path)
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("\nSubject:") && !text.contains("\nDate:") && !text.contains("Message-ID"))
            #expect(text.components(separatedBy: "Content-Disposition: attachment").count == 2)
            #expect(text.contains("X-RSMF-Version: 2.0.0\r\n"))
            #expect(text.contains("X-RSMF-Generator: Vellum Export 1.0\r\n"))
        }
    }

    @Test("without a custodian there is no direction and From is the exporter")
    func noCustodian() throws {
        let (folder, _, _) = try TestCorpus.export(formats: [.rsmf], custodian: false)
        let doc = try Self.direct(try Self.readAll(folder))
        #expect(doc.manifest.events.allSatisfy { $0.direction == nil })
        #expect(doc.manifest.conversations[0].custodian == nil)
        #expect(doc.header("From")?.contains("export@vellum.invalid") == true)
        #expect(doc.header("X-RSMF-Custodian") == nil)
    }
}

/// Shared checks of EML bytes.
enum EMLShape {
    static func expectCRLFAndLineLengths(_ bytes: [UInt8], _ path: String) {
        var lineLength = 0
        var headerSection = true
        var previous: UInt8 = 0
        for b in bytes {
            if b == 10 {
                #expect(previous == 13, "\(path): bare LF")
                if lineLength <= 1 { headerSection = false }
                lineLength = 0
            } else {
                lineLength += 1
                #expect(lineLength <= (headerSection ? 78 : 998) || b == 13, "\(path): line too long")
            }
            previous = b
        }
    }
}
