import Foundation
import Testing
import VellumCore
import VellumExport
import VellumExportTesting

@Suite("Export session: atomicity, input checks, masking")
struct SessionTests {
    @Test("a failed export leaves no folder presented as complete")
    func failureLeavesNothing() throws {
        var (context, conversations, _) = TestCorpus.make()
        conversations[1][2].attachments = [
            ExportAttachment(
                name: "x.bin", mediaType: "application/octet-stream", bytes: Data("abc".utf8),
                sha256: String(repeating: "0", count: 64))
        ]
        let folder = TempDir.make().appendingPathComponent("export")
        #expect {
            _ = try ExportSession.export(to: folder, context: context, conversations: conversations)
        } throws: { ($0 as? ExportError)?.code == .integrity }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        #expect(!FileManager.default.fileExists(atPath: folder.path + ".partial"))

        // With the session API and no abandon(), the work stays visibly partial.
        let session = try ExportSession(folder: folder, context: context)
        try session.add(conversation: conversations[0])
        #expect(throws: ExportError.self) { try session.add(conversation: conversations[1]) }
        #expect(throws: ExportError.self) { _ = try session.finish() }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        #expect(FileManager.default.fileExists(atPath: folder.path + ".partial"))
        session.abandon()
        #expect(!FileManager.default.fileExists(atPath: folder.path + ".partial"))
    }

    @Test("unsorted messages and mixed conversations are refused")
    func inputChecks() throws {
        let (context, conversations, _) = TestCorpus.make()
        let unsorted = Array(conversations[0].reversed())
        #expect {
            _ = try ExportSession.export(
                to: TempDir.make().appendingPathComponent("e"), context: context, conversations: [unsorted])
        } throws: { ($0 as? ExportError)?.code == .invalidInput }
        let mixed = conversations[0] + conversations[1]
        #expect {
            _ = try ExportSession.export(
                to: TempDir.make().appendingPathComponent("e"), context: context, conversations: [mixed])
        } throws: { ($0 as? ExportError)?.code == .invalidInput }
    }

    @Test("an existing folder or partial folder is never overwritten")
    func existingFolder() throws {
        let (context, _, _) = TestCorpus.make()
        let folder = TempDir.make().appendingPathComponent("e")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect { _ = try ExportSession(folder: folder, context: context) } throws: {
            ($0 as? ExportError)?.code == .alreadyExists
        }
        let other = TempDir.make().appendingPathComponent("f")
        try FileManager.default.createDirectory(atPath: other.path + ".partial", withIntermediateDirectories: true)
        #expect { _ = try ExportSession(folder: other, context: context) } throws: {
            ($0 as? ExportError)?.code == .alreadyExists
        }
    }

    @Test("lazy attachments are read once and checked against their digest")
    func lazyAttachment() throws {
        final class Counter: @unchecked Sendable {  // test-only; reads happen on the exporting thread
            var reads = 0
        }
        let counter = Counter()
        var (_, conversations, _) = TestCorpus.make()
        let bytes = Draft.png(size: 500)
        conversations[1][0].attachments = [
            ExportAttachment(
                name: "lazy.png", mediaType: "image/png", size: Int64(bytes.count), sha256: nil,
                content: .lazy {
                    counter.reads += 1
                    return bytes
                })
        ]
        let ledger = SyntheticLedger()
        let head = ledger.seal(&conversations, timestamp: 5)
        let folder = TempDir.make().appendingPathComponent("e")
        let summary = try ExportSession.export(to: folder, context: Draft.context(head), conversations: conversations)
        #expect(counter.reads == 1)
        #expect(summary.attachments == 3)
        #expect(ExportVerifier.verify(folder: folder, trustedPublicKeyHex: head.publicKeyHex).isValid)
    }

    @Test("with masking on, every format shows the masked value and none the original")
    func masking() throws {
        let start = "Hi Bob, the card is ".unicodeScalars.count
        let masking = ExportMasking.table(
            description: "payment-card detector v1",
            [
                "rec-d1": [
                    MaskSpan(
                        start: start, end: start + TestCorpus.secret.unicodeScalars.count, masked: "[CARD ****1111]")
                ]
            ])
        let (folder, summary, context) = try TestCorpus.export(masking: masking)
        #expect(ExportVerifier.verify(folder: folder, trustedPublicKeyHex: context.treeHead.publicKeyHex).isValid)
        let manifest = try ExportManifest.decode(
            try Data(contentsOf: folder.appendingPathComponent(ExportManifest.fileName)))
        #expect(manifest.masking.enabled && manifest.masking.description == "payment-card detector v1")
        #expect(manifest.counts.maskedRecords == 1)
        for path in TempDir.files(folder) where !path.hasSuffix(".png") && !path.hasSuffix(".pdf") {
            let raw = String(decoding: try Data(contentsOf: folder.appendingPathComponent(path)), as: UTF8.self)
            #expect(!raw.contains(TestCorpus.secret), "\(path) shows the unmasked value")
        }
        for path in ["messages.csv", "messages.jsonl", "loadfile.dat"]
            + TempDir.files(folder, extension: "html").filter({ $0.contains("whatsapp") })
        {
            let raw = String(decoding: try Data(contentsOf: folder.appendingPathComponent(path)), as: UTF8.self)
            #expect(raw.contains("[CARD ****1111]"), "\(path)")
        }
        let rsmf = try #require(TempDir.files(folder, extension: "rsmf").first { $0.contains("whatsapp") })
        let doc = try RSMFReader.read(contentsOf: folder.appendingPathComponent(rsmf))
        #expect(doc.manifest.events[0].body == "Hi Bob, the card is [CARD ****1111], keep it safe.")
        #expect(doc.manifest.events[0].custom("masked") == "true")
        #expect(doc.text?.contains(TestCorpus.secret) == false)
        #expect(summary.records == 22)
    }

    @Test(
        "mask spans that overlap or leave the text are refused",
        arguments: [
            [MaskSpan(start: 0, end: 5, masked: "x"), MaskSpan(start: 3, end: 6, masked: "y")],
            [MaskSpan(start: 0, end: 999, masked: "x")],
            [MaskSpan(start: 4, end: 2, masked: "x")],
        ])
    func badSpans(_ spans: [MaskSpan]) throws {
        let folder = TempDir.make().appendingPathComponent("e")
        let (context0, conversations, _) = TestCorpus.make()
        var context = context0
        context.masking = .spans(description: "bad") { $0.recordID.rawValue == "rec-d1" ? spans : [] }
        #expect {
            _ = try ExportSession.export(to: folder, context: context, conversations: conversations)
        } throws: { ($0 as? ExportError)?.code == .masking }
    }

    @Test("masking replaces unicode-scalar spans in any order")
    func maskingScalars() throws {
        let masking = ExportMasking.table(
            description: "t",
            ["rec-g1": [MaskSpan(start: 5, end: 7, masked: "**"), MaskSpan(start: 0, end: 2, masked: "##")]])
        let (folder, _, _) = try TestCorpus.export(formats: [.jsonl], masking: masking)
        let text = String(
            decoding: try Data(contentsOf: folder.appendingPathComponent("messages.jsonl")), as: UTF8.self)
        #expect(text.contains("\"body\":\"##好，合**天签。\""))
    }

    @Test("a record whose proof or leaf does not match the tree head is refused")
    func badEvidence() throws {
        var (context, conversations, _) = TestCorpus.make()
        conversations[0][3].inclusionProof.auditPath[0] = String(repeating: "0", count: 64)
        #expect {
            _ = try ExportSession.export(
                to: TempDir.make().appendingPathComponent("e"), context: context, conversations: conversations)
        } throws: { ($0 as? ExportError)?.code == .integrity && "\($0)".contains("rec-d4") }
        (context, conversations, _) = TestCorpus.make()
        conversations[0][0].commitment = String(repeating: "1", count: 64)
        #expect {
            _ = try ExportSession.export(
                to: TempDir.make().appendingPathComponent("e"), context: context, conversations: conversations)
        } throws: { ($0 as? ExportError)?.code == .integrity && "\($0)".contains("commitment") }
    }

    @Test("a tree head whose signature does not verify is refused before anything is written")
    func badTreeHead() throws {
        var (context, _, _) = TestCorpus.make()
        context.treeHead.timestamp += 1
        let folder = TempDir.make().appendingPathComponent("e")
        #expect { _ = try ExportSession(folder: folder, context: context) } throws: {
            ($0 as? ExportError)?.code == .integrity
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + ".partial"))
    }
}
