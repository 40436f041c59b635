import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import Testing
import VellumApp
import VellumStore
@testable import VellumServer

@Suite("The JSON API does what the CLI does, under the caller's name")
struct APITests {
    static let lines = """
        {"channel":"wecom","account":"corp1","conversation":{"id":"c-li","kind":"direct","title":"李娜"},"id":"w1","sent_at":"2026-03-02T09:15:04+08:00","from":{"id":"wmLiNa001","name":"李娜"},"to":[{"id":"zhangwei"}],"text":"合同我看过了"}
        {"channel":"wecom","account":"corp1","conversation":{"id":"c-li","kind":"direct","title":"李娜"},"id":"w2","sent_at":"2026-03-02T09:16:04+08:00","from":{"id":"zhangwei"},"to":[{"id":"wmLiNa001"}],"text":"My card is 4111 1111 1111 1111, please book it"}
        {"channel":"wecom","account":"corp1","conversation":{"id":"c-li","kind":"direct","title":"李娜"},"id":"w3","sent_at":"2026-03-02T09:17:04+08:00","from":{"id":"zhangwei"},"to":[{"id":"wmLiNa001"}],"edit_of":"w2","text":"Card removed"}
        """

    static func harness() async throws -> ServerHarness {
        let h = try await ServerHarness()
        let policy = h.folder.appendingPathComponent("policy.yaml")
        try Data(DemoDataset.policyYAML.utf8).write(to: policy)
        _ = try PolicyService(archive: h.archive).apply(policy, actor: "test")
        try h.importJSONL(Self.lines)
        return h
    }

    static func post(_ client: any TestClientProtocol, _ h: ServerHarness, _ role: StaffRole, _ uri: String, _ json: String) async throws
        -> TestResponse
    {
        var headers = h.bearer(role)
        headers[.contentType] = "application/json"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json))
    }

    @Test("search finds a two-character Chinese word; the record opens with its versions and proof; both are ledgered")
    func searchAndShow() async throws {
        let h = try await Self.harness()
        try await h.test { client in
            let q = "合同".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let r = try await client.execute(uri: "/api/v1/search?q=\(q)&channel=wecom", method: .get, headers: h.bearer(.compliance))
            #expect(r.status == .ok)
            let body = try #require(try r.json() as? [String: Any])
            #expect(body["total"] as? Int == 1)
            let hit = try #require((body["hits"] as? [[String: Any]])?.first)
            #expect((hit["text"] as? String)?.contains("合同") == true)
            let id = try #require(hit["id"] as? String)
            let record = try await client.execute(uri: "/api/v1/records/\(id)", method: .get, headers: h.bearer(.legal))
            #expect(record.status == .ok)
            let view = try #require(try record.json() as? [String: Any])
            #expect((view["inclusion_proof"] as? [String: Any])?["verified"] as? Bool == true)
            #expect(try await client.execute(uri: "/api/v1/records/nope", method: .get, headers: h.bearer(.legal)).status == .notFound)
            #expect(try await client.execute(uri: "/api/v1/search?since=yesterday", method: .get, headers: h.bearer(.compliance)).status == .badRequest)
            #expect(try await client.execute(uri: "/api/v1/search?q=x&include_restricted=true", method: .get, headers: h.bearer(.privacy)).status == .forbidden)
        }
        let access = try AuditTrailService(archive: h.archive).recent(types: [.access])
        #expect(access.contains { $0.actor?.hasPrefix("token:compliance/") == true && $0.detail?.contains("合同") == true })
        #expect(access.contains { $0.actor?.hasPrefix("token:legal/") == true })
    }

    @Test("a reviewer claims and closes an alert; a close without a note is refused with the field named")
    func alerts() async throws {
        let h = try await Self.harness()
        try await h.test { client in
            let list = try await client.execute(uri: "/api/v1/alerts?status=open", method: .get, headers: h.bearer(.compliance))
            let alerts = try #require(try list.json() as? [[String: Any]])
            let card = try #require(alerts.first { $0["rule"] as? String == "pii-on-unencrypted" })
            let id = try #require(card["id"] as? Int)
            let claimed = try await Self.post(client, h, .compliance, "/api/v1/alerts/\(id)/actions", #"{"action":"claim"}"#)
            #expect(claimed.status == .ok)
            #expect((try claimed.json() as? [String: Any])?["assignee"] as? String == (try await Self.me(client, h, .compliance)))
            let noNote = try await Self.post(client, h, .compliance, "/api/v1/alerts/\(id)/actions", #"{"action":"close","disposition":"false_positive"}"#)
            #expect(noNote.status == .badRequest && noNote.text.contains("note"))
            let closed = try await Self.post(
                client, h, .compliance, "/api/v1/alerts/\(id)/actions", #"{"action":"close","disposition":"false_positive","note":"test card"}"#)
            #expect((try closed.json() as? [String: Any])?["status"] as? String == "closed")
            let detail = try await client.execute(uri: "/api/v1/alerts/\(id)", method: .get, headers: h.bearer(.compliance))
            let actions = (try detail.json() as? [String: Any])?["actions"] as? [[String: Any]] ?? []
            #expect(actions.map { $0["action"] as? String }.contains("close"))
        }
    }

    static func me(_ client: any TestClientProtocol, _ h: ServerHarness, _ role: StaffRole) async throws -> String {
        let r = try await client.execute(uri: "/api/v1/me", method: .get, headers: h.bearer(role))
        let tokens = try h.server.accounts.tokens()
        let id = tokens.first { $0.role == role.rawValue }!.id
        #expect((try r.json() as? [String: Any])?["credential"] as? String == "token")
        return "token:\(role.rawValue)/\(id)"
    }

    @Test("legal creates and releases a hold; privacy registers, acknowledges and extends a request; legal records a claim")
    func governance() async throws {
        let h = try await Self.harness()
        try await h.test { client in
            let hold = try await Self.post(
                client, h, .legal, "/api/v1/holds", #"{"matter":"SEC HO-1","reason":"request","custodians":["E1001"],"channels":["wecom"]}"#)
            #expect(hold.status == .created)
            let holdID = try #require((try hold.json() as? [String: Any])?["id"] as? String)
            #expect(try await Self.post(client, h, .legal, "/api/v1/holds", #"{"matter":"x","reason":"y","channels":["fax"]}"#).status == .badRequest)
            #expect(try await Self.post(client, h, .legal, "/api/v1/holds/\(holdID)/release", #"{"reason":""}"#).status == .badRequest)
            let released = try await Self.post(client, h, .legal, "/api/v1/holds/\(holdID)/release", #"{"reason":"matter closed"}"#)
            #expect((try released.json() as? [String: Any])?["active"] as? Bool == false)
            #expect(try await Self.post(client, h, .legal, "/api/v1/holds/\(holdID)/release", #"{"reason":"again"}"#).status == .conflict)
            #expect(h.server.lockSync.wakes == 2, "the storage-lock sync is woken by each hold change, not by refusals")

            let created = try await Self.post(
                client, h, .privacy, "/api/v1/privacy-requests", #"{"type":"erasure","law":"gdpr","subjects":["wmLiNa001"],"received":"2026-01-31"}"#)
            #expect(created.status == .created)
            let request = try #require(try created.json() as? [String: Any])
            #expect(request["due"] as? String == "2026-02-28")
            let id = try #require(request["id"] as? String)
            let ack = try await Self.post(client, h, .privacy, "/api/v1/privacy-requests/\(id)/actions", #"{"action":"acknowledge","day":"2026-02-01"}"#)
            #expect((try ack.json() as? [String: Any])?["status"] as? String == "acknowledged")
            let ext = try await Self.post(
                client, h, .privacy, "/api/v1/privacy-requests/\(id)/actions", #"{"action":"extend","reason":"complex","day":"2026-02-10"}"#)
            #expect((try ext.json() as? [String: Any])?["extended"] as? Bool == true)
            let claim = try await Self.post(client, h, .legal, "/api/v1/privacy-requests/\(id)/legal-claim", #"{"reference":"Case 42"}"#)
            #expect(claim.status == .ok)
            #expect(try await Self.post(client, h, .privacy, "/api/v1/privacy-requests/\(id)/legal-claim", #"{"reference":"x"}"#).status == .forbidden)
            let list = try await client.execute(uri: "/api/v1/privacy-requests", method: .get, headers: h.bearer(.legal))
            #expect((try list.json() as? [[String: Any]])?.count == 1)
        }
    }

    @Test("tree head and verify for every role; the audit log for auditors; accounts for admins; tokens are personal")
    func ledgerAndAccounts() async throws {
        let h = try await Self.harness()
        try await h.test { client in
            let head = try await client.execute(uri: "/api/v1/tree-head", method: .get, headers: h.bearer(.auditor))
            #expect((try head.json() as? [String: Any])?["public_key"] as? String != nil)
            let verify = try await Self.post(client, h, .auditor, "/api/v1/verify", "")
            #expect((try verify.json() as? [String: Any])?["ok"] as? Bool == true)
            let audit = try await client.execute(uri: "/api/v1/audit?type=staff&limit=5", method: .get, headers: h.bearer(.auditor))
            let events = try #require(try audit.json() as? [[String: Any]])
            #expect(events.count == 5 && events.allSatisfy { $0["type"] as? String == "staff" })
            #expect(try await client.execute(uri: "/api/v1/audit?type=nonsense", method: .get, headers: h.bearer(.auditor)).status == .badRequest)

            let weak = try await Self.post(client, h, .admin, "/api/v1/accounts", #"{"username":"amy","role":"compliance","password":"short"}"#)
            #expect(weak.status == .badRequest)
            let amy = try await Self.post(client, h, .admin, "/api/v1/accounts", #"{"username":"Amy","role":"compliance","password":"a long enough passphrase"}"#)
            #expect(amy.status == .created)
            #expect((try amy.json() as? [String: Any])?["username"] as? String == "amy")
            #expect(try await Self.post(client, h, .admin, "/api/v1/accounts", #"{"username":"amy","role":"legal","password":"a long enough passphrase"}"#).status == .conflict)

            let token = try await Self.post(client, h, .legal, "/api/v1/tokens", #"{"name":"ediscovery","expires_in_days":7}"#)
            let t = try #require(try token.json() as? [String: Any])
            let secret = try #require(t["secret"] as? String)
            #expect(t["role"] as? String == "legal")
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(secret)"]).status == .ok)
            let mine = try await client.execute(uri: "/api/v1/tokens", method: .get, headers: h.bearer(.legal))
            #expect((try mine.json() as? [[String: Any]])?.allSatisfy { $0["secret"] == nil && $0["role"] as? String == "legal" } == true)
            let tid = try #require(t["id"] as? String)
            #expect(try await client.execute(uri: "/api/v1/tokens/\(tid)", method: .delete, headers: h.bearer(.compliance)).status == .forbidden)
            #expect(try await client.execute(uri: "/api/v1/tokens/\(tid)", method: .delete, headers: h.bearer(.legal)).status == .noContent)
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(secret)"]).status == .unauthorized)
        }
    }
}
