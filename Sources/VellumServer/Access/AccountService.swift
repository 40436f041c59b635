public import Foundation
import HummingbirdBcrypt
public import VellumApp
public import VellumStore
import VellumCore

/// Staff accounts, sign-in, sessions and API tokens. Every change is written to the ledger.
public struct AccountService: Sendable {
    let archive: Archive
    /// bcrypt's work factor: 12 in production (about a quarter of a second here); tests lower it.
    let cost: UInt8
    var store: any AccountStore { archive.accounts }

    /// A session ends 12 hours after sign-in, or after 30 minutes without a request.
    public static let sessionLifetime: Int64 = 12 * 3600 * 1000
    public static let idleTimeout: Int64 = 30 * 60 * 1000
    /// How often `lastSeen` is written back (not at every request).
    static let touchInterval: Int64 = 60 * 1000

    public init(archive: Archive, bcryptCost: UInt8 = 12) {
        self.archive = archive
        self.cost = bcryptCost
    }

    var now: Int64 { archive.nowMilliseconds }

    // MARK: accounts

    /// Creates an account after checking the username and password; bcrypt runs off the server's threads.
    @discardableResult
    public func createAccount(username raw: String, role: StaffRole, password: String, actor: String) async throws
        -> StaffAccount
    {
        let username = try Username.normalized(raw)
        try PasswordPolicy.check(password, username: username)
        let cost = self.cost
        let hash = try await Offload.run { Bcrypt.hash(password, cost: cost) }
        let account = StaffAccount(
            id: UUID().uuidString.lowercased(), username: username, role: role.rawValue, passwordHash: hash, createdAt: now)
        try await Offload.run { [store, archive] in
            try store.addAccount(account)
            try StaffEvents(archive: archive).record("account.create:\(role.rawValue)", subject: username, actor: actor)
        }
        return account
    }

    public func accounts() throws -> [StaffAccount] { try store.accounts() }

    public func hasAdmin() throws -> Bool {
        try store.accounts().contains { $0.role == StaffRole.admin.rawValue && !$0.disabled }
    }

    /// Sets a new password and signs the account out everywhere.
    public func setPassword(username raw: String, password: String, actor: String) async throws {
        let username = try Username.normalized(raw)
        try PasswordPolicy.check(password, username: username)
        guard var account = try store.account(username: username) else {
            throw VellumError(.notFound, "no account named \(username)")
        }
        let cost = self.cost
        account.passwordHash = try await Offload.run { Bcrypt.hash(password, cost: cost) }
        try await Offload.run { [store, archive, account] in
            try store.updateAccount(account)
            try store.removeSessions(accountID: account.id)
            try StaffEvents(archive: archive).record("account.password", subject: username, actor: actor)
        }
    }

    /// Disables (or re-enables) an account; disabling signs it out and stops its API tokens.
    public func setDisabled(username raw: String, _ disabled: Bool, actor: String) throws {
        let username = try Username.normalized(raw)
        guard var account = try store.account(username: username) else {
            throw VellumError(.notFound, "no account named \(username)")
        }
        account.disabled = disabled
        try store.updateAccount(account)
        if disabled { try store.removeSessions(accountID: account.id) }
        try StaffEvents(archive: archive).record(disabled ? "account.disable" : "account.enable", subject: username, actor: actor)
    }

    // MARK: sign-in and sessions

    /// A hash to check against when the username is unknown, so a miss takes as long as a hit.
    static let decoy = Bcrypt.hash("vellum-decoy-password", cost: 4)

    /// The account when the password is right and the account enabled; nil otherwise (which of
    /// the two is never said). The attempt is written to the ledger either way.
    public func authenticate(username raw: String, password: String) async throws -> StaffAccount? {
        let username = (try? Username.normalized(raw)) ?? ""
        let account = username.isEmpty ? nil : try store.account(username: username)
        let hash = account?.passwordHash ?? Self.decoy
        let ok = try await Offload.run { Bcrypt.verify(password, hash: hash) }
        let accepted = ok && account != nil && account?.disabled == false
        try await Offload.run { [archive] in
            try StaffEvents(archive: archive).record(
                accepted ? "session.start" : "session.refused", subject: username.isEmpty ? "-" : username,
                actor: accepted ? "user:\(username)" : "anonymous")
        }
        return accepted ? account : nil
    }

    /// Starts a session; returns the cookie value (shown to the browser once, stored as a hash).
    public func startSession(for account: StaffAccount) throws -> (token: String, session: StaffSession) {
        let token = SecretToken.generate(prefix: "vls_")
        let t = now
        let session = StaffSession(
            tokenHash: SecretToken.hash(token), accountID: account.id, csrfToken: SecretToken.generate(prefix: ""),
            createdAt: t, expiresAt: t + Self.sessionLifetime, lastSeen: t)
        try store.addSession(session)
        return (token, session)
    }

    /// The caller a session cookie stands for, or nil when it is unknown, expired, idle too long
    /// or its account disabled.
    public func identity(sessionToken: String) throws -> Identity? {
        let hash = SecretToken.hash(sessionToken)
        guard let session = try store.session(tokenHash: hash) else { return nil }
        let t = now
        guard session.expiresAt > t, t - session.lastSeen < Self.idleTimeout else {
            try store.removeSession(tokenHash: hash)
            return nil
        }
        guard let account = try store.account(id: session.accountID), !account.disabled,
            let role = StaffRole(rawValue: account.role)
        else { return nil }
        if t - session.lastSeen >= Self.touchInterval { try store.touchSession(tokenHash: hash, at: t) }
        return Identity(accountID: account.id, username: account.username, role: role, credential: .session(csrf: session.csrfToken))
    }

    public func endSession(token: String, actor: String, username: String) throws {
        try store.removeSession(tokenHash: SecretToken.hash(token))
        try StaffEvents(archive: archive).record("session.end", subject: username, actor: actor)
    }

    // MARK: API tokens

    /// Issues a bearer token acting with the issuer's own role (a token never has more rights
    /// than the person who made it). The secret is returned once and stored only as a hash.
    public func issueToken(name: String, for identity: Identity, expiresInDays: Int? = 90) throws -> (secret: String, token: APIToken) {
        let label = name.trimmingCharacters(in: .whitespaces)
        guard (1 ... 80).contains(label.count) else { throw VellumError(.invalidInput, "name: 1 to 80 characters") }
        let secret = SecretToken.generate(prefix: "vlt_")
        let t = now
        let token = APIToken(
            id: String(UUID().uuidString.lowercased().prefix(8)), tokenHash: SecretToken.hash(secret), name: label,
            role: identity.role.rawValue, createdBy: identity.accountID, createdAt: t,
            expiresAt: expiresInDays.map { t + Int64($0) * 86_400_000 })
        try store.addToken(token)
        try StaffEvents(archive: archive).record("token.issue:\(token.role)", subject: "token:\(token.id)", actor: identity.actor)
        return (secret, token)
    }

    /// The caller a bearer token stands for, or nil when unknown, revoked, expired or its
    /// creator disabled. Looked up by its SHA-256, so no stored secret is compared byte by byte.
    public func identity(bearer secret: String) throws -> Identity? {
        guard let token = try store.token(hash: SecretToken.hash(secret)), token.revokedAt == nil,
            token.expiresAt.map({ $0 > now }) ?? true,
            let owner = try store.account(id: token.createdBy), !owner.disabled,
            let role = StaffRole(rawValue: token.role)
        else { return nil }
        return Identity(accountID: owner.id, username: owner.username, role: role, credential: .token(id: token.id))
    }

    public func tokens() throws -> [APIToken] { try store.tokens() }

    public func revokeToken(id: String, actor: String) throws {
        try store.revokeToken(id: id, at: now)
        try StaffEvents(archive: archive).record("token.revoke", subject: "token:\(id)", actor: actor)
    }
}
