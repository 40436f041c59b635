import Foundation
import Testing
import VellumApp
import VellumCapture
import VellumCore
import VellumCrypto

@Suite("signal-cli attachments read from its attachment folder")
struct SignalAttachmentTests {
    static let fixture = TelegramSignalImportTests.fixtures.appendingPathComponent("Signal/signal_receive.jsonl")

    @Test("a file in the folder is sealed with its message and checked by verify; a missing one stays a reference saying so")
    func attached() throws {
        let t = try TestArchive()
        let folder = t.folder.appendingPathComponent("attachments")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let chart = Data("JPEG bytes of the chart, walrus-marker".utf8)
        try chart.write(to: folder.appendingPathComponent("Ab12Cd34.jpg"))
        let importer = FileImporter(
            ingestor: try Ingestor(archive: t.archive), format: .signalCLI,
            options: ImportOptions(account: "acct-1", attachments: folder.path))
        let summary = try importer.importFile(Self.fixture)
        #expect(summary.quarantined == 0)
        let hit = try #require(try SearchService(archive: t.archive).search(SearchRequest(query: "chart.jpg"), actor: "t").hits.first)
        let view = try RecordViewer(archive: t.archive).show(hit.id, actor: "t")
        let file = try #require(view.attachments.first { $0.name == "chart.jpg" })
        #expect(file.sha256 == Digest.sha256(chart).hexString)
        #expect(file.size == chart.count)
        #expect(view.media.first { $0.name == "chart.jpg" }?.note == nil)
        #expect(view.media.first { $0.name == "合同 contract.pdf" }?.note == "not in signal-cli's attachment folder")
        #expect(try t.verify().ok)
        // Sealed: the file's bytes are nowhere in the data directory.
        for path in try FileManager.default.subpathsOfDirectory(atPath: t.dir.root.path) {
            let data = (try? Data(contentsOf: t.dir.root.appendingPathComponent(path))) ?? Data()
            #expect(data.range(of: Data("walrus-marker".utf8)) == nil, "plaintext in \(path)")
        }
    }

    @Test("an attachment id that could leave the folder is not followed", arguments: ["../secret.txt", "a/b", ".."])
    func traversal(id: String) throws {
        let t = try TestArchive()
        let folder = t.folder.appendingPathComponent("attachments")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("outside".utf8).write(to: t.folder.appendingPathComponent("secret.txt"))
        let escaped = id.replacingOccurrences(of: "/", with: "\\/")
        let line = #"{"envelope":{"source":"+85291234567","sourceNumber":"+85291234567","sourceUuid":"b2b2b2b2-0000-4000-8000-000000000002","sourceDevice":1,"timestamp":1767250803000,"dataMessage":{"timestamp":1767250803000,"message":"see file","attachments":[{"contentType":"text/plain","filename":"x.txt","id":"\#(escaped)","size":7}]}},"account":"+85290000000"}"#
        let items = ImportFormat.signalCLI.items(Data(line.utf8), file: "f", line: 1, options: ImportOptions(attachments: folder.path))
        guard case .message(let m) = try #require(items.first) else { Issue.record("not a message"); return }
        #expect(m.attachments.isEmpty)
        #expect(m.media.first?.note == "attachment id is not a plain file name")
    }
}
