public import Foundation
import GRDB
public import VellumStore
import VellumCore

/// Staff accounts, sessions and API tokens in the archive's database, so one backup holds them
/// and a restarted server keeps its sessions.
extension SQLiteArchiveStore: AccountStore {
    public func addAccount(_ a: StaffAccount) throws {
        try pool.write { db in
            guard try Bool.fetchOne(
                db, sql: "SELECT 1 FROM staff_accounts WHERE username = ? OR id = ?", arguments: [a.username, a.id]) == nil
            else { throw VellumError(.alreadyExists, "an account named \(a.username) already exists") }
            try db.execute(
                sql: """
                    INSERT INTO staff_accounts(id, username, role, password_hash, created_at, disabled)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [a.id, a.username, a.role, a.passwordHash, a.createdAt, a.disabled])
        }
    }

    public func account(id: String) throws -> StaffAccount? {
        try pool.read { try Row.fetchOne($0, sql: "SELECT * FROM staff_accounts WHERE id = ?", arguments: [id]).map(Self.account) }
    }

    public func account(username: String) throws -> StaffAccount? {
        try pool.read {
            try Row.fetchOne($0, sql: "SELECT * FROM staff_accounts WHERE username = ?", arguments: [username]).map(Self.account)
        }
    }

    public func accounts() throws -> [StaffAccount] {
        try pool.read { try Row.fetchAll($0, sql: "SELECT * FROM staff_accounts ORDER BY created_at, username").map(Self.account) }
    }

    public func updateAccount(_ a: StaffAccount) throws {
        try pool.write { db in
            try db.execute(
                sql: "UPDATE staff_accounts SET username = ?, role = ?, password_hash = ?, disabled = ? WHERE id = ?",
                arguments: [a.username, a.role, a.passwordHash, a.disabled, a.id])
            guard db.changesCount == 1 else { throw VellumError(.notFound, "no account \(a.id)") }
        }
    }

    static func account(_ r: Row) -> StaffAccount {
        StaffAccount(
            id: r["id"], username: r["username"], role: r["role"], passwordHash: r["password_hash"],
            createdAt: r["created_at"], disabled: r["disabled"])
    }

    public func addSession(_ s: StaffSession) throws {
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO staff_sessions(token_hash, account_id, csrf_token, created_at, expires_at, last_seen)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [s.tokenHash, s.accountID, s.csrfToken, s.createdAt, s.expiresAt, s.lastSeen])
        }
    }

    public func session(tokenHash: Data) throws -> StaffSession? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM staff_sessions WHERE token_hash = ?", arguments: [tokenHash]).map {
                StaffSession(
                    tokenHash: $0["token_hash"], accountID: $0["account_id"], csrfToken: $0["csrf_token"],
                    createdAt: $0["created_at"], expiresAt: $0["expires_at"], lastSeen: $0["last_seen"])
            }
        }
    }

    public func touchSession(tokenHash: Data, at: Int64) throws {
        try pool.write {
            try $0.execute(sql: "UPDATE staff_sessions SET last_seen = ? WHERE token_hash = ?", arguments: [at, tokenHash])
        }
    }

    public func removeSession(tokenHash: Data) throws {
        try pool.write { try $0.execute(sql: "DELETE FROM staff_sessions WHERE token_hash = ?", arguments: [tokenHash]) }
    }

    public func removeSessions(accountID: String) throws {
        try pool.write { try $0.execute(sql: "DELETE FROM staff_sessions WHERE account_id = ?", arguments: [accountID]) }
    }

    @discardableResult
    public func removeExpiredSessions(now: Int64) throws -> Int {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM staff_sessions WHERE expires_at <= ?", arguments: [now])
            return db.changesCount
        }
    }

    public func addToken(_ t: APIToken) throws {
        try pool.write { db in
            guard try Bool.fetchOne(
                db, sql: "SELECT 1 FROM api_tokens WHERE id = ? OR token_hash = ?", arguments: [t.id, t.tokenHash]) == nil
            else { throw VellumError(.alreadyExists, "token \(t.id) already exists") }
            try db.execute(
                sql: """
                    INSERT INTO api_tokens(id, token_hash, name, role, created_by, created_at, expires_at, revoked_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [t.id, t.tokenHash, t.name, t.role, t.createdBy, t.createdAt, t.expiresAt, t.revokedAt])
        }
    }

    public func token(hash: Data) throws -> APIToken? {
        try pool.read { try Row.fetchOne($0, sql: "SELECT * FROM api_tokens WHERE token_hash = ?", arguments: [hash]).map(Self.token) }
    }

    public func tokens() throws -> [APIToken] {
        try pool.read { try Row.fetchAll($0, sql: "SELECT * FROM api_tokens ORDER BY created_at, id").map(Self.token) }
    }

    public func revokeToken(id: String, at: Int64) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE api_tokens SET revoked_at = ? WHERE id = ?", arguments: [at, id])
            guard db.changesCount == 1 else { throw VellumError(.notFound, "no API token \(id)") }
        }
    }

    static func token(_ r: Row) -> APIToken {
        APIToken(
            id: r["id"], tokenHash: r["token_hash"], name: r["name"], role: r["role"], createdBy: r["created_by"],
            createdAt: r["created_at"], expiresAt: r["expires_at"], revokedAt: r["revoked_at"])
    }
}
