import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import VellumCrypto
import Testing
import VellumApp
import VellumCore
import VellumStore
@testable import VellumServer

/// An embedded archive in a temporary folder with a server over it, one account per role and
/// a bearer token for each. bcrypt runs at its lowest cost to keep tests fast.
final class ServerHarness: @unchecked Sendable {
    let folder: URL
    let dir: DataDirectory
    let archive: Archive
    let server: VellumHTTPServer
    let router: Router<VellumContext>
    let book: RouteBook
    /// Username = role name; the password is the same for all.
    static let password = "correct horse battery staple"
    var tokens: [StaffRole: String] = [:]

    /// `configure` adjusts the server's settings (webhook secrets, group commit) before it is built.
    init(configure: (inout ServerSettings) throws -> Void = { _ in }, now: (@Sendable () -> Date)? = nil) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vellum-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        dir = DataDirectory(folder.appendingPathComponent("data").path)
        try Archive.create(at: dir)
        let opened = try Archive.open(dir)
        if let now {
            archive = Archive(
                store: opened.store, blobs: opened.blobs, master: try MasterKey(fileContents: Data(contentsOf: dir.defaultMasterKey)),
                checkpoint: dir.checkpoint, accounts: opened.accounts, leases: opened.leases, now: now)
        } else {
            archive = opened
        }
        var settings = ServerSettings()
        settings.bcryptCost = 4
        try configure(&settings)
        server = VellumHTTPServer(archive: archive, settings: settings)
        (router, book) = server.router()
        for role in StaffRole.allCases {
            let account = try await server.accounts.createAccount(username: role.rawValue, role: role, password: Self.password, actor: "test")
            let identity = Identity(accountID: account.id, username: account.username, role: role, credential: .session(csrf: ""))
            tokens[role] = try server.accounts.issueToken(name: "test", for: identity).secret
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func bearer(_ role: StaffRole) -> HTTPFields { [.authorization: "Bearer \(tokens[role]!)"] }

    /// Runs `body` against the router in-process.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: router)
        try await app.test(.router, body)
    }

    /// Imports JSON lines into the archive (the pipeline, as `vellum import` runs it).
    @discardableResult
    func importJSONL(_ text: String) throws -> ImportSummary {
        let url = folder.appendingPathComponent("import-\(UUID().uuidString).jsonl")
        try Data(text.utf8).write(to: url)
        return try FileImporter(ingestor: try Ingestor(archive: archive), format: .jsonl).importFile(url)
    }
}

/// A browser's session: the cookie and the CSRF token of its pages.
struct BrowserSession: Sendable {
    var cookie: String
    var csrf: String

    var headers: HTTPFields { [.cookie: "\(SessionCookie.name)=\(cookie)"] }

    /// Signs in through the form and reads the CSRF token off the dashboard.
    static func signIn(_ client: any TestClientProtocol, _ username: String, password: String = ServerHarness.password) async throws
        -> BrowserSession
    {
        let response = try await client.execute(
            uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: "username=\(username)&password=\(password.replacingOccurrences(of: " ", with: "+"))&next=%2F"))
        #expect(response.status == .seeOther, "sign-in as \(username) failed: \(response.status)")
        let setCookie = response.headers[.setCookie] ?? ""
        let cookie = setCookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1)[1]
        let page = try await client.execute(uri: "/", method: .get, headers: [.cookie: "\(SessionCookie.name)=\(cookie)"])
        let html = String(buffer: page.body)
        let csrf = html.components(separatedBy: #"name="csrf" value=""#).dropFirst().first?.components(separatedBy: "\"").first ?? ""
        return BrowserSession(cookie: String(cookie), csrf: csrf)
    }

    /// Posts a form with the session's cookie and (unless told otherwise) its CSRF token.
    func post(_ client: any TestClientProtocol, _ uri: String, _ fields: [(String, String)], csrf: String? = nil) async throws
        -> TestResponse
    {
        let all = [("csrf", csrf ?? self.csrf)] + fields
        let body = all.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        var h = headers
        h[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: uri, method: .post, headers: h, body: ByteBuffer(string: body))
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(buffer: body)) }
}
