public import Foundation

/// A person who signs in to the server: a reviewer, a privacy officer, a lawyer, an auditor or
/// an administrator. Not a message participant: staff accounts hold no chat content.
public struct StaffAccount: Sendable, Hashable, Codable {
    public var id: String
    /// Lower-cased, unique.
    public var username: String
    /// A role name the server understands (admin, compliance, privacy, legal, auditor).
    public var role: String
    /// A bcrypt hash (`$2b$…`); never the password.
    public var passwordHash: String
    public var createdAt: Int64
    public var disabled: Bool

    public init(id: String, username: String, role: String, passwordHash: String, createdAt: Int64, disabled: Bool = false) {
        self.id = id
        self.username = username
        self.role = role
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.disabled = disabled
    }
}

/// A signed-in browser. The store keeps only the SHA-256 of the cookie's token, so a copy of the
/// database cannot be replayed as a session.
public struct StaffSession: Sendable, Hashable, Codable {
    public var tokenHash: Data
    public var accountID: String
    /// The anti-forgery token every form of this session carries.
    public var csrfToken: String
    public var createdAt: Int64
    public var expiresAt: Int64
    public var lastSeen: Int64

    public init(tokenHash: Data, accountID: String, csrfToken: String, createdAt: Int64, expiresAt: Int64, lastSeen: Int64) {
        self.tokenHash = tokenHash
        self.accountID = accountID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastSeen = lastSeen
    }
}

/// A bearer token for an API client. It acts with its own role, never more than its creator's.
public struct APIToken: Sendable, Hashable, Codable {
    public var id: String
    /// SHA-256 of the secret; the secret is shown once, at creation.
    public var tokenHash: Data
    public var name: String
    public var role: String
    public var createdBy: String
    public var createdAt: Int64
    public var expiresAt: Int64?
    public var revokedAt: Int64?

    public init(
        id: String, tokenHash: Data, name: String, role: String, createdBy: String, createdAt: Int64,
        expiresAt: Int64? = nil, revokedAt: Int64? = nil
    ) {
        self.id = id
        self.tokenHash = tokenHash
        self.name = name
        self.role = role
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }
}

/// Where the server keeps staff accounts, sessions and API tokens (server-side sessions: the
/// cookie carries a random token, nothing else).
public protocol AccountStore: Sendable {
    /// Adds an account; throws `.alreadyExists` when the username is taken.
    func addAccount(_ account: StaffAccount) throws
    func account(id: String) throws -> StaffAccount?
    func account(username: String) throws -> StaffAccount?
    func accounts() throws -> [StaffAccount]
    /// Replaces the account with the same id; throws `.notFound` when there is none.
    func updateAccount(_ account: StaffAccount) throws

    func addSession(_ session: StaffSession) throws
    func session(tokenHash: Data) throws -> StaffSession?
    func touchSession(tokenHash: Data, at: Int64) throws
    func removeSession(tokenHash: Data) throws
    /// Signs an account out everywhere (password change, disabling).
    func removeSessions(accountID: String) throws
    /// Drops sessions that expired before `now`; returns how many.
    @discardableResult
    func removeExpiredSessions(now: Int64) throws -> Int

    func addToken(_ token: APIToken) throws
    func token(hash: Data) throws -> APIToken?
    func tokens() throws -> [APIToken]
    /// Marks the token revoked at `at`; throws `.notFound` for an unknown id.
    func revokeToken(id: String, at: Int64) throws
}
