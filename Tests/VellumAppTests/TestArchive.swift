import Foundation
import Testing
@testable import VellumApp
import VellumSQLite
import VellumStore

/// A temporary folder for one test, removed when the value goes away.
final class ScratchFolder {
    let url: URL

    init(_ prefix: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> URL { url.appendingPathComponent(name) }
}

/// A fresh embedded archive in a temporary folder, removed at the end of the test.
final class TestArchive {
    let scratch: ScratchFolder
    let dir: DataDirectory
    let archive: Archive

    init() throws {
        scratch = try ScratchFolder("vellum-app")
        dir = DataDirectory(scratch.path("data").path)
        try Archive.create(at: dir)
        archive = try Archive.open(dir)
    }

    var folder: URL { scratch.url }

    var sqlite: SQLiteArchiveStore { archive.store as! SQLiteArchiveStore }

    func write(_ name: String, _ text: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    @discardableResult
    func importJSONL(_ text: String, name: String = "chat.jsonl") throws -> ImportSummary {
        try FileImporter(ingestor: try Ingestor(archive: archive), format: .jsonl).importFile(try write(name, text))
    }

    func verify() throws -> VerifyReport { try Verifier(archive: archive).verify() }

    func search(_ q: String?, _ configure: (inout SearchRequest) -> Void = { _ in }) throws -> SearchResponse {
        var r = SearchRequest(query: q)
        configure(&r)
        return try SearchService(archive: archive).search(r, actor: "tester")
    }

    /// Every byte of every file in the data folder (database, WAL, blobs, checkpoint).
    func allBytes() throws -> Data {
        var out = Data()
        let e = FileManager.default.enumerator(at: dir.root, includingPropertiesForKeys: nil)!
        for case let url as URL in e where !url.hasDirectoryPath {
            out.append(try Data(contentsOf: url))
        }
        return out
    }
}

/// A small conversation of the project's own: English and Chinese, an edit, a recall, a reply,
/// an attachment, an unknown field, a group chat.
enum Fixture {
    static let chat = """
        {"channel":"wecom","account":"corp1","conversation":{"id":"c-li","kind":"direct","title":"李娜"},"id":"w1","sent_at":"2026-03-02T09:15:04+08:00","from":{"id":"wmLiNa001","name":"李娜"},"to":[{"id":"zhangwei","name":"Zhang Wei"}],"text":"张经理，合同我看过了，下周签。","x_device":"iPhone"}
        {"channel":"wecom","account":"corp1","conversation":{"id":"c-li","kind":"direct","title":"李娜"},"id":"w2","sent_at":"2026-03-02T09:16:30+08:00","from":{"id":"zhangwei","name":"Zhang Wei"},"to":[{"id":"wmLiNa001","name":"李娜"}],"text":"好的，付款安排在月底。","reply_to":"w1"}
        {"channel":"whatsapp","account":"+85291230001","conversation":{"id":"wa-tom","kind":"direct"},"id":"wa1","sent_at":"2026-03-03T10:00:00Z","from":{"id":"+44 7700 900123","name":"Tom Baker"},"to":[{"id":"+85291230001"}],"text":"Can you send the bond allocation memo?"}
        {"channel":"whatsapp","account":"+85291230001","conversation":{"id":"wa-tom","kind":"direct"},"id":"wa2","sent_at":"2026-03-03T10:05:00Z","from":{"id":"+85291230001","name":"Zhang Wei"},"to":[{"id":"+44 7700 900123"}],"text":"Attached the allocation memo","attachments":[{"name":"memo.txt","media_type":"text/plain","content_base64":"Q29uZmlkZW50aWFsIG1lbW8gZm9yIFRvbSBCYWtlcg=="}]}
        {"channel":"whatsapp","account":"+85291230001","conversation":{"id":"wa-tom","kind":"direct"},"id":"wa3","sent_at":"2026-03-03T10:06:00Z","from":{"id":"+85291230001","name":"Zhang Wei"},"to":[{"id":"+44 7700 900123"}],"text":"Attached the revised allocation memo","edit_of":"wa2"}
        {"channel":"telegram","conversation":{"id":"-100123","kind":"group","title":"Desk chat"},"id":"t1","sent_at":"2026-03-04T08:00:00+00:00","from":{"id":"100200301","name":"Priya Shah"},"to":[],"text":"Quarterly portfolio review moved to Friday"}
        {"channel":"telegram","conversation":{"id":"-100123","kind":"group","title":"Desk chat"},"id":"t2","sent_at":"2026-03-04T08:01:00+00:00","from":{"id":"100200301","name":"Priya Shah"},"to":[],"recall_of":"t1"}

        """
    static let broken = """
        {"channel":"wecom","conversation":{"id":"c","kind":"direct"},"id":"b1","sent_at":"2026-03-02T09:15:04","from":{"id":"x"},"to":[],"text":"no offset"}
        this is not json
        {"channel":"pager","conversation":{"id":"c","kind":"direct"},"id":"b2","sent_at":"2026-03-02T09:15:04Z","from":{"id":"x"},"to":[]}
        {"channel":"wecom","conversation":{"id":"c","kind":"direct"},"id":"b3","from":{"id":"x"},"to":[]}
        """
    static let directory = """
        employees:
          - id: E1001
            name: Zhang Wei
            email: zhang.wei@harbourbridge.example
            department: Wealth Management
            roles: [relationship-manager]
            jurisdiction: HK
            handles:
              wecom: zhangwei
              whatsapp: "+85291230001"
        """
}
