import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import Testing
import VellumApp
import ZIPFoundation
@testable import VellumServer

@Suite("Exports and privacy outputs made on the server are sealed until fetched")
struct DeliverablesTests {
    static let lines = """
        {"channel":"whatsapp","conversation":{"id":"deal-7","kind":"direct"},"id":"m1","sent_at":"2026-03-02T09:15:04+08:00","from":{"id":"+447700900101","name":"Ann"},"to":[{"id":"+85291230009"}],"text":"The bond allocation memo is final"}
        {"channel":"whatsapp","conversation":{"id":"deal-7","kind":"direct"},"id":"m2","sent_at":"2026-03-02T09:16:04+08:00","from":{"id":"+85291230009"},"to":[{"id":"+447700900101"}],"text":"合同我看过了 thanks"}
        """

    func waitReady(_ client: any TestClientProtocol, _ h: ServerHarness, _ id: String, _ role: StaffRole) async throws -> [String: Any] {
        for _ in 0 ..< 200 {
            let r = try await client.execute(uri: "/api/v1/deliverables/\(id)", method: .get, headers: h.bearer(role))
            let d = try #require(try r.json() as? [String: Any])
            if d["status"] as? String != "running" { return d }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the export did not finish")
        return [:]
    }

    @Test("an export runs in the background, only its sealed zip stays on disk, and it downloads whole for its role only")
    func export() async throws {
        let h = try await ServerHarness()
        try h.importJSONL(Self.lines)
        try await h.test { client in
            var headers = h.bearer(.compliance)
            headers[.contentType] = "application/json"
            let started = try await client.execute(
                uri: "/api/v1/exports", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"conversation":"deal-7","formats":["html","jsonl"]}"#))
            #expect(started.status == .accepted)
            let id = try #require((try started.json() as? [String: Any])?["id"] as? String)
            let done = try await waitReady(client, h, id, .compliance)
            #expect(done["status"] as? String == "ready", "\(done)")
            let names = (done["files"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(names.contains("manifest.json") && names.contains("messages.jsonl"))

            // On disk: no plain word of the messages anywhere under the deliverables folder.
            let folder = h.server.vault.folder
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(files == ["\(id).vault"], "\(files)")
            let sealed = try Data(contentsOf: folder.appendingPathComponent("\(id).vault"))
            for word in ["bond allocation", "合同我看过了", "manifest.json"] { #expect(sealed.range(of: Data(word.utf8)) == nil, "\(word)") }

            // Legal (another role) may not fetch compliance's export; compliance may.
            #expect(try await client.execute(uri: "/api/v1/deliverables/\(id)/download", method: .get, headers: h.bearer(.legal)).status == .forbidden)
            let zip = try await client.execute(uri: "/api/v1/deliverables/\(id)/download", method: .get, headers: h.bearer(.compliance))
            #expect(zip.status == .ok)
            #expect(zip.headers[.contentType] == "application/zip")
            let url = h.folder.appendingPathComponent("got.zip")
            try Data(buffer: zip.body).write(to: url)
            let archive = try ZIPFoundation.Archive(url: url, accessMode: .read)
            var jsonl = Data()
            _ = try archive.extract(try #require(archive["messages.jsonl"])) { jsonl.append($0) }
            #expect(String(decoding: jsonl, as: UTF8.self).contains("合同我看过了"))
            let listed = try await client.execute(uri: "/api/v1/exports", method: .get, headers: h.bearer(.compliance))
            #expect((try listed.json() as? [[String: Any]])?.count == 1)
            #expect((try await client.execute(uri: "/api/v1/exports", method: .get, headers: h.bearer(.legal)).json() as? [Any])?.isEmpty == true)
        }
        let downloads = try AuditTrailService(archive: h.archive).recent(types: [.access]).filter { $0.action == "deliverable.download" }
        #expect(downloads.count == 1 && downloads[0].actor?.hasPrefix("token:compliance") == true)
    }

    @Test("a changed byte, a swapped or a dropped chunk of a sealed deliverable is refused")
    func tamper() async throws {
        let h = try await ServerHarness()
        let vault = h.server.vault
        let d = try vault.start(kind: .export, title: "t", actor: "test", audience: "compliance")
        let payload = Data((0 ..< 2_500_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try vault.fill(d) { folder in
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try payload.write(to: folder.appendingPathComponent("big.bin"))
            return [:]
        }
        var whole = Data()
        try vault.read(d.id, actor: "test") { whole.append($0) }
        #expect(whole.count == (try vault.get(d.id)).size)
        let file = vault.folder.appendingPathComponent("\(d.id).vault")
        let original = try Data(contentsOf: file)
        var flipped = original
        flipped[original.count / 2] ^= 1
        try flipped.write(to: file)
        #expect(throws: (any Error).self) { try vault.read(d.id, actor: "test") { _ in } }
        try original.prefix(original.count - 100).write(to: file)  // truncated
        #expect(throws: (any Error).self) { try vault.read(d.id, actor: "test") { _ in } }
        try original.write(to: file)
        try vault.read(d.id, actor: "test") { _ in }
        // Deleting the entry destroys the key: even the intact file no longer opens.
        try vault.delete(d.id)
        #expect(throws: (any Error).self) { try vault.read(d.id, actor: "test") { _ in } }
    }

    @Test("a privacy officer fulfils an erasure through the API and fetches the decision letter")
    func privacyFulfil() async throws {
        let h = try await ServerHarness()
        let policy = h.folder.appendingPathComponent("policy.yaml")
        try Data(DemoDataset.policyYAML.utf8).write(to: policy)
        _ = try PolicyService(archive: h.archive).apply(policy, actor: "test")
        try h.importJSONL(Self.lines)
        try await h.test { client in
            var headers = h.bearer(.privacy)
            headers[.contentType] = "application/json"
            let created = try await client.execute(
                uri: "/api/v1/privacy-requests", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"type":"erasure","law":"gdpr","subjects":["+85291230009"]}"#))
            #expect(created.status == .created)
            let id = try #require((try created.json() as? [String: Any])?["id"] as? String)
            let done = try await client.execute(
                uri: "/api/v1/privacy-requests/\(id)/fulfil", method: .post, headers: headers, body: ByteBuffer(string: #"{"language":"zh"}"#))
            #expect(done.status == .ok, "\(done.text)")
            let answer = try #require(try done.json() as? [String: Any])
            let fulfilment = try #require(answer["fulfilment"] as? [String: Any])
            #expect(fulfilment["records"] as? Int == 2)
            let deliverable = try #require(answer["deliverable"] as? [String: Any])
            #expect(deliverable["status"] as? String == "ready")
            #expect(fulfilment["written"] as? [String] == ["decision-letter.zh.txt"])
            let files = (deliverable["files"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(files == ["decision-letter.zh.txt"])
            let zip = try await client.execute(
                uri: "/api/v1/deliverables/\(deliverable["id"] as! String)/download", method: .get, headers: h.bearer(.privacy))
            #expect(zip.status == .ok && zip.body.readableBytes > 0)
            // Fulfilling twice is refused, and leaves no second deliverable.
            let again = try await client.execute(
                uri: "/api/v1/privacy-requests/\(id)/fulfil", method: .post, headers: headers, body: ByteBuffer(string: "{}"))
            #expect(again.status == .conflict)
            #expect(try h.server.vault.list().count == 1)
        }
    }
}
