import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import Synchronization
import Testing
import VellumApp
import VellumStore
@testable import VellumServer

@Suite("Sign-in, sessions, cookies and anti-forgery tokens")
struct SessionTests {
    @Test("signing in sets a Secure, HttpOnly, SameSite=Strict cookie holding a token the store keeps only hashed")
    func cookie() async throws {
        let h = try await ServerHarness()
        try await h.test { client in
            let response = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "username=compliance&password=correct+horse+battery+staple&next=%2Fsearch"))
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/search")
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.hasPrefix("\(SessionCookie.name)=vls_"))
            for attribute in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/"] { #expect(cookie.contains(attribute), "\(attribute) missing") }
            let token = String(cookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1)[1])
            // The database holds the hash of the token, never the token.
            let store = h.archive.accounts
            #expect(try store.session(tokenHash: SecretToken.hash(token)) != nil)
            let bytes = try Data(contentsOf: h.dir.database) + ((try? Data(contentsOf: URL(fileURLWithPath: h.dir.database.path + "-wal"))) ?? Data())
            #expect(bytes.range(of: Data(token.utf8)) == nil)
        }
    }

    @Test("a wrong password and an unknown user get the same answer, and the attempt is ledgered")
    func wrongPassword() async throws {
        let h = try await ServerHarness()
        try await h.test { client in
            for user in ["compliance", "nobody"] {
                let r = try await client.execute(
                    uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "username=\(user)&password=wrong-password-123"))
                #expect(r.status == .unauthorized)
                #expect(r.headers[.setCookie] == nil)
                #expect(r.text.contains("The username or password is wrong"))
            }
        }
        let refused = try AuditTrailService(archive: h.archive).recent(types: [.staff]).filter { $0.action == "session.refused" }
        #expect(refused.count == 2)
    }

    @Test("after five failures for one username, even the right password waits (429 with Retry-After)")
    func throttle() async throws {
        let h = try await ServerHarness()
        try await h.test { client in
            for _ in 0 ..< 5 {
                let r = try await client.execute(
                    uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "username=legal&password=not-the-password"))
                #expect(r.status == .unauthorized)
            }
            let r = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "username=legal&password=correct+horse+battery+staple"))
            #expect(r.status == .tooManyRequests)
            #expect(Int(r.headers[.retryAfter] ?? "") ?? 0 > 0)
            // Another user is not locked out by legal's failures.
            _ = try await BrowserSession.signIn(client, "privacy")
        }
    }

    @Test("signing out ends the session: the old cookie no longer opens a page")
    func signOut() async throws {
        let h = try await ServerHarness()
        try await h.test { client in
            let s = try await BrowserSession.signIn(client, "compliance")
            #expect(try await client.execute(uri: "/", method: .get, headers: s.headers).status == .ok)
            let out = try await s.post(client, "/logout", [])
            #expect(out.status == .seeOther)
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            let after = try await client.execute(uri: "/", method: .get, headers: s.headers)
            #expect(after.status == .seeOther)
            #expect(after.headers[.location]?.hasPrefix("/login") == true)
        }
    }

    @Test("a session idle for 30 minutes or older than 12 hours is refused; a disabled account is signed out")
    func expiry() async throws {
        let clock = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        let h = try await ServerHarness(now: { clock.withLock { $0 } })
        try await h.test { client in
            let s = try await BrowserSession.signIn(client, "compliance")
            clock.withLock { $0 += 29 * 60 }
            #expect(try await client.execute(uri: "/", method: .get, headers: s.headers).status == .ok)
            clock.withLock { $0 += 31 * 60 }
            #expect(try await client.execute(uri: "/", method: .get, headers: s.headers).status == .seeOther, "idle 31 minutes")

            let t = try await BrowserSession.signIn(client, "compliance")
            for _ in 0 ..< 25 {  // active every 29 minutes, but past 12 hours in all
                clock.withLock { $0 += 29 * 60 }
                _ = try await client.execute(uri: "/", method: .get, headers: t.headers)
            }
            #expect(try await client.execute(uri: "/", method: .get, headers: t.headers).status == .seeOther, "12 hours")

            let u = try await BrowserSession.signIn(client, "legal")
            try h.server.accounts.setDisabled(username: "legal", true, actor: "test")
            #expect(try await client.execute(uri: "/", method: .get, headers: u.headers).status == .seeOther)
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: h.bearer(.legal)).status == .unauthorized,
                    "a disabled account's tokens stop too")
        }
    }

    @Test("a form without its CSRF token, or with another session's, is refused; with it, accepted")
    func csrf() async throws {
        let h = try await ServerHarness()
        try await h.test { client in
            let a = try await BrowserSession.signIn(client, "compliance")
            let b = try await BrowserSession.signIn(client, "legal")
            #expect(!a.csrf.isEmpty && a.csrf != b.csrf)
            #expect(try await a.post(client, "/logout", [], csrf: "").status == .forbidden)
            #expect(try await a.post(client, "/logout", [], csrf: b.csrf).status == .forbidden)
            // An API call made with the cookie needs the header.
            var headers = a.headers
            headers[.contentType] = "application/json"
            let noHeader = try await client.execute(uri: "/api/v1/tokens", method: .post, headers: headers, body: ByteBuffer(string: #"{"name":"x"}"#))
            #expect(noHeader.status == .forbidden)
            headers[.csrfToken] = a.csrf
            let withHeader = try await client.execute(uri: "/api/v1/tokens", method: .post, headers: headers, body: ByteBuffer(string: #"{"name":"x"}"#))
            #expect(withHeader.status == .created)
            #expect(try await a.post(client, "/logout", []).status == .seeOther)
        }
    }

    @Test("a post from another site's page is refused before anything else")
    func crossOrigin() async throws {
        let h = try await ServerHarness()
        try await h.test { client in
            let r = try await client.execute(
                uri: "/login", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .origin: "https://evil.example"],
                body: ByteBuffer(string: "username=compliance&password=correct+horse+battery+staple"))
            #expect(r.status == .forbidden)
            #expect(r.headers[.setCookie] == nil)
        }
    }

    @Test("the first administrator is created once from the set-up token; the token is then spent")
    func setup() async throws {
        let h = try await ServerHarness()
        let token = h.server.setup.issue()
        try await h.test { client in
            #expect(try await client.execute(uri: "/setup?token=wrong", method: .get).status == .forbidden)
            #expect(try await client.execute(uri: "/setup?token=\(token)", method: .get).status == .ok)
            let weak = try await client.execute(
                uri: "/setup", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "token=\(token)&username=root&password=short"))
            #expect(weak.status == .badRequest)
            #expect(weak.text.contains("at least 12 characters"))
            let ok = try await client.execute(
                uri: "/setup", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "token=\(token)&username=root&password=a+long+enough+passphrase"))
            #expect(ok.status == .seeOther)
            #expect(ok.headers[.setCookie]?.contains("vls_") == true)
            let again = try await client.execute(
                uri: "/setup", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "token=\(token)&username=root2&password=a+long+enough+passphrase"))
            #expect(again.status == .forbidden)
        }
        #expect(try h.archive.accounts.account(username: "root")?.role == "admin")
        #expect(try h.archive.accounts.account(username: "root2") == nil)
    }

    @Test("API calls without valid credentials get 401 JSON with WWW-Authenticate, never a redirect")
    func apiUnauthenticated() async throws {
        let h = try await ServerHarness()
        let revoked = h.tokens[.auditor]!
        let id = try h.server.accounts.tokens().first { $0.role == "auditor" }!.id
        try h.server.accounts.revokeToken(id: id, actor: "test")
        try await h.test { client in
            for headers: HTTPFields in [
                [:], [.authorization: "Bearer vlt_nope"], [.authorization: "Basic YTpi"], [.authorization: "Bearer \(revoked)"],
                [.cookie: "\(SessionCookie.name)=vls_forged"],
            ] {
                let r = try await client.execute(uri: "/api/v1/search?q=x", method: .get, headers: headers)
                #expect(r.status == .unauthorized, "\(headers)")
                #expect(r.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                #expect(r.headers[.contentType]?.hasPrefix("application/json") == true)
            }
        }
    }

    @Test("every response carries the strict CSP and the no-sniff, no-referrer, no-frame, no-store headers")
    func securityHeaders() async throws {
        let h = try await ServerHarness()
        try await h.test { client in
            for uri in ["/login", "/healthz", "/api/v1/me", "/nowhere"] {
                let r = try await client.execute(uri: uri, method: .get)
                #expect(r.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true, "\(uri)")
                #expect(r.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                #expect(r.headers[.xContentTypeOptions] == "nosniff")
                #expect(r.headers[.referrerPolicy] == "same-origin")
                #expect(r.headers[.cacheControl] == "no-store")
            }
            let page = try await client.execute(uri: "/login", method: .get)
            #expect(!page.text.contains("<script>"), "no inline script (the CSP would block it)")
            #expect(!page.text.contains("http://") && !page.text.contains("https://"), "no external asset")
        }
    }

    @Test("the language follows the cookie set by /language, else Accept-Language")
    func language() async throws {
        let h = try await ServerHarness()
        try await h.test { client in
            #expect(try await client.execute(uri: "/login", method: .get).text.contains("Sign in"))
            #expect(try await client.execute(uri: "/login", method: .get, headers: [.acceptLanguage: "zh-CN,zh;q=0.9"]).text.contains("登录"))
            let set = try await client.execute(uri: "/language/zh?back=%2Flogin", method: .get)
            #expect(set.status == .seeOther)
            #expect(set.headers[.location] == "/login")
            let offsite = try await client.execute(uri: "/language/zh?back=%2F%2Fevil.example", method: .get)
            #expect(offsite.headers[.location] == "/")
            #expect(try await client.execute(uri: "/login", method: .get, headers: [.cookie: "vellum_lang=zh"]).text.contains("<html lang=\"zh\">"))
        }
    }
}

@Suite("Health and metrics")
struct HealthAndMetricsTests {
    @Test("/healthz answers without credentials; /metrics needs a token and holds route patterns, not ids")
    func metrics() async throws {
        let h = try await ServerHarness()
        try await h.test { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok && health.text.contains("\"status\":\"ok\""))
            #expect(try await client.execute(uri: "/metrics", method: .get).status == .unauthorized)
            _ = try await client.execute(uri: "/api/v1/records/R-secret-id", method: .get, headers: h.bearer(.compliance))
            let m = try await client.execute(uri: "/metrics", method: .get, headers: h.bearer(.admin))
            #expect(m.status == .ok)
            #expect(m.text.contains("vellum_http_requests_total"))
            #expect(m.text.contains("route=\"/api/v1/records/{id}\""))
            #expect(!m.text.contains("R-secret-id"))
            #expect(m.text.contains("vellum_ledger_entries"))
            #expect(try await client.execute(uri: "/metrics", method: .get, headers: h.bearer(.auditor)).status == .forbidden)
        }
    }
}
