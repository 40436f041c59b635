import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
@testable import VellumServer

@Suite("Every route × every role")
struct RoleMatrixTests {
    /// A concrete URI for a route pattern (`{id}` → `1`).
    static func uri(_ e: Endpoint) -> String {
        e.path.replacingOccurrences(of: #"\{[^}]+\}"#, with: "1", options: .regularExpression)
    }

    @Test("each role reaches exactly the routes its permissions allow; the others answer 403")
    func matrix() async throws {
        let h = try await ServerHarness()
        // Sign-out last: it ends the session the other UI requests use.
        let guarded = h.book.endpoints.filter { $0.audience == .api || $0.audience == .ui }
            .sorted { ($0.path == "/logout" ? 1 : 0) < ($1.path == "/logout" ? 1 : 0) }
        #expect(guarded.count >= 53, "the matrix covers the whole server (\(guarded.count) routes)")
        try await h.test { client in
            for role in StaffRole.allCases { try await Self.check(role, guarded, h, client) }
        }
    }

    static func check(_ role: StaffRole, _ guarded: [Endpoint], _ h: ServerHarness, _ client: any TestClientProtocol) async throws {
        let session = try await BrowserSession.signIn(client, role.rawValue)
        for e in guarded {
            let status = try await status(e, role: role, session: session, harness: h, client: client)
            let allowed = e.permission.map(role.allows) ?? true
            let refused = status == .forbidden || status == .unauthorized || status == .seeOther
            if allowed {
                #expect(!refused || e.path == "/logout", "\(role) should reach \(e) but got \(status.code)")
            } else {
                #expect(status == .forbidden, "\(role) must not reach \(e) but got \(status.code)")
            }
        }
    }

    static func status(
        _ e: Endpoint, role: StaffRole, session: BrowserSession, harness h: ServerHarness, client: any TestClientProtocol
    ) async throws -> HTTPResponse.Status {
        if e.audience == .ui {
            if e.isUnsafe { return try await session.post(client, uri(e), []).status }
            return try await client.execute(uri: uri(e), method: e.method, headers: session.headers).status
        }
        var headers = h.bearer(role)
        headers[.contentType] = "application/json"
        let body: ByteBuffer? = e.isUnsafe ? ByteBuffer(string: "{}") : nil
        return try await client.execute(uri: uri(e), method: e.method, headers: headers, body: body).status
    }

    @Test("without credentials, API routes answer 401 and pages redirect to sign-in")
    func anonymous() async throws {
        let h = try await ServerHarness()
        try await h.test { client in
            for e in h.book.endpoints where e.audience == .api || e.audience == .ui {
                let r = try await client.execute(uri: Self.uri(e), method: e.method)
                if e.audience == .api {
                    #expect(r.status == .unauthorized, "\(e): \(r.status.code)")
                } else {
                    #expect(r.status == .seeOther && r.headers[.location]?.hasPrefix("/login") == true, "\(e): \(r.status.code)")
                }
            }
        }
    }

    @Test("least privilege: administrators and auditors read no message; only legal and compliance see restricted records")
    func leastPrivilege() {
        for role in [StaffRole.admin, .auditor] {
            #expect(!role.allows(.readRecords) && !role.allows(.exportRecords) && !role.allows(.viewAlerts))
        }
        #expect(StaffRole.allCases.filter { $0.allows(.readRestricted) } == [.compliance, .legal])
        #expect(StaffRole.allCases.filter { $0.allows(.manageAccounts) } == [.admin])
        #expect(StaffRole.allCases.filter { $0.allows(.manageHolds) } == [.legal])
        #expect(StaffRole.allCases.filter { $0.allows(.managePrivacy) } == [.privacy])
        #expect(StaffRole.allCases.filter { $0.allows(.reviewAlerts) } == [.compliance])
    }
}
