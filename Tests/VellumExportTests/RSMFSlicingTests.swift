import Foundation
import Testing
import VellumCore
import VellumExport
import VellumExportTesting

@Suite("RSMF slicing")
struct RSMFSlicingTests {
    /// One direct conversation of `count` messages, one a minute from 2026-03-02 08:00 +08:00,
    /// a 20 KB image every fifth message, an edit of message 3 at the end.
    static func conversation(count: Int, minutesApart: Int = 1) -> (ExportContext, [[ExportMessage]]) {
        var messages: [ExportMessage] = []
        for i in 0..<count {
            let attachments =
                i % 5 == 0
                ? [ExportAttachment(name: "img\(i).png", mediaType: "image/png", bytes: Draft.png(size: 20_000))] : []
            messages.append(
                Draft.message(
                    "r\(i)", "s\(i)", in: TestCorpus.direct, at: TestCorpus.at(i * minutesApart),
                    from: i % 2 == 0 ? TestCorpus.alice : TestCorpus.bob,
                    to: [i % 2 == 0 ? TestCorpus.bob : TestCorpus.alice], text: "message \(i)", attachments: attachments
                ))
        }
        messages.append(
            Draft.message(
                "r-edit", "s-edit", in: TestCorpus.direct, at: TestCorpus.at(count * minutesApart),
                from: TestCorpus.bob,
                to: [TestCorpus.alice], text: "message 3, edited", revision: .edit(of: "s3")))
        var conversations = [messages]
        let head = SyntheticLedger().seal(&conversations, timestamp: 1)
        return (Draft.context(head), conversations)
    }

    static func export(_ limits: RSMFSliceLimits, count: Int, minutesApart: Int = 1) throws -> (URL, [RSMFDocument]) {
        let (context, conversations) = conversation(count: count, minutesApart: minutesApart)
        let folder = TempDir.make().appendingPathComponent("x")
        _ = try ExportSession.export(
            to: folder, context: context, options: ExportOptions(formats: [.rsmf], rsmfLimits: limits),
            conversations: conversations)
        let docs = try TempDir.files(folder, extension: "rsmf").map {
            try RSMFReader.read(contentsOf: folder.appendingPathComponent($0))
        }
        return (folder, docs)
    }

    @Test("max events splits a conversation into numbered slices tied by one eventcollectionid")
    func byEvents() throws {
        let (folder, docs) = try Self.export(RSMFSliceLimits(maxEvents: 4), count: 10)
        #expect(docs.map(\.manifest.events.count) == [4, 4, 2 + 1])
        #expect(Set(docs.compactMap(\.manifest.eventcollectionid)).count == 1)
        #expect(
            TempDir.files(folder, extension: "rsmf").map { String($0.suffix(9)) } == [
                "0001.rsmf", "0002.rsmf", "0003.rsmf",
            ])
        #expect(docs.flatMap(\.manifest.events).prefix(10).map(\.body) == (0..<10).map { "message \($0)" })
        for doc in docs { #expect(RSMFValidator.validate(doc).isEmpty) }
    }

    @Test("an edit whose original is in an earlier slice becomes its own event")
    func revisionAcrossSlices() throws {
        let (_, docs) = try Self.export(RSMFSliceLimits(maxEvents: 4), count: 10)
        let last = try #require(docs.last?.manifest.events.last)
        #expect(last.type == "unknown")
        #expect(last.custom("revision") == "edit" && last.custom("revision_target") == "s3")
        #expect(last.body == "message 3, edited")
    }

    @Test("an edit whose original is in the open slice folds into it")
    func revisionWithinSlice() throws {
        let (_, docs) = try Self.export(RSMFSliceLimits(), count: 10)
        #expect(docs.count == 1)
        let original = try #require(docs[0].manifest.events.first { $0.id == "r3" })
        #expect(original.edits?.first?.new == "message 3, edited")
        #expect(docs[0].manifest.events.count == 10)
    }

    @Test("max bytes keeps every slice under the limit")
    func byBytes() throws {
        let limit: Int64 = 120_000
        let (folder, docs) = try Self.export(RSMFSliceLimits(maxBytes: limit), count: 30)
        #expect(docs.count > 1)
        for path in TempDir.files(folder, extension: "rsmf") {
            let size =
                try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)[.size]
                as? Int ?? 0
            #expect(Int64(size) <= limit, "\(path) has \(size) bytes")
        }
        #expect(docs.reduce(0) { $0 + $1.manifest.events.count } == 31)
    }

    @Test("a message larger than max bytes gets a slice of its own")
    func oversizedMessage() throws {
        let (_, docs) = try Self.export(RSMFSliceLimits(maxBytes: 10_000), count: 6)
        #expect(
            docs.filter { $0.manifest.events.contains { !($0.attachments ?? []).isEmpty } }.allSatisfy {
                $0.manifest.events.count == 1
            })
    }

    @Test("max days starts a new slice on a new calendar day")
    func byDays() throws {
        // 12 messages 5 hours apart from 08:00 +08:00: four on each of 2, 3 and 4 March; the edit late on the 4th.
        let (_, docs) = try Self.export(RSMFSliceLimits(maxDays: 1), count: 12, minutesApart: 300)
        #expect(docs.map(\.manifest.events.count) == [4, 4, 4 + 1])
        for doc in docs {
            let days = Set(doc.manifest.events.compactMap { $0.timestamp?.prefix(10) })
            #expect(days.count == 1)
        }
    }

    @Test(
        "invalid limits are refused before anything is written",
        arguments: [
            RSMFSliceLimits(maxEvents: 0), RSMFSliceLimits(maxBytes: 0), RSMFSliceLimits(maxDays: 0),
        ])
    func invalidLimits(_ limits: RSMFSliceLimits) throws {
        let folder = TempDir.make().appendingPathComponent("x")
        let (context, _) = Self.conversation(count: 1)
        #expect(throws: ExportError.self) {
            _ = try ExportSession(folder: folder, context: context, options: ExportOptions(rsmfLimits: limits))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + ".partial"))
    }

    @Test("a revision that carries a file stays an event of its own, with the file")
    func revisionWithAttachment() throws {
        var messages = TestCorpus.directChat().filter { $0.revision == nil }
        var edit = TestCorpus.directChat()[4]
        edit.attachments = [ExportAttachment(name: "new.pdf", mediaType: "application/pdf", bytes: TestCorpus.pdf)]
        messages.insert(edit, at: 4)
        var conversations = [messages]
        let head = SyntheticLedger().seal(&conversations, timestamp: 1)
        let folder = TempDir.make().appendingPathComponent("x")
        _ = try ExportSession.export(
            to: folder, context: Draft.context(head), options: ExportOptions(formats: [.rsmf]),
            conversations: conversations)
        let doc = try RSMFReader.read(
            contentsOf: folder.appendingPathComponent(try #require(TempDir.files(folder, extension: "rsmf").first)))
        let event = try #require(doc.manifest.events.first { $0.id == "rec-d5" })
        #expect(event.custom("revision") == "edit" && event.attachments?.first?.display == "new.pdf")
        #expect(doc.zipEntries[try #require(event.attachments?.first?.id)] == TestCorpus.pdf)
        #expect(doc.manifest.events.first { $0.id == "rec-d4" }?.edits == nil)
    }
}
