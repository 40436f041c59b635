public import Foundation
import PostgresNIO
public import VellumStore

/// Server-side sessions: only the SHA-256 of the cookie's token is stored.
extension PostgresAccountStore {
    public func addSession(_ s: StaffSession) throws {
        try pool.withConnection {
            try $0.execute(
                """
                INSERT INTO staff_sessions(token_hash, account_id, csrf_token, created_at, expires_at, last_seen)
                VALUES (\(s.tokenHash), \(s.accountID), \(s.csrfToken), \(s.createdAt), \(s.expiresAt), \(s.lastSeen))
                """)
        }
    }

    public func session(tokenHash: Data) throws -> StaffSession? {
        try pool.withConnection { s in
            let rows = try s.query(
                """
                SELECT token_hash, account_id, csrf_token, created_at, expires_at, last_seen
                FROM staff_sessions WHERE token_hash = \(tokenHash)
                """)
            return try s.decode(rows, as: (Data, String, String, Int64, Int64, Int64).self).first.map {
                StaffSession(tokenHash: $0, accountID: $1, csrfToken: $2, createdAt: $3, expiresAt: $4, lastSeen: $5)
            }
        }
    }

    public func touchSession(tokenHash: Data, at: Int64) throws {
        try pool.withConnection {
            try $0.execute("UPDATE staff_sessions SET last_seen = \(at) WHERE token_hash = \(tokenHash)")
        }
    }

    public func removeSession(tokenHash: Data) throws {
        try pool.withConnection { try $0.execute("DELETE FROM staff_sessions WHERE token_hash = \(tokenHash)") }
    }

    public func removeSessions(accountID: String) throws {
        try pool.withConnection { try $0.execute("DELETE FROM staff_sessions WHERE account_id = \(accountID)") }
    }

    @discardableResult
    public func removeExpiredSessions(now: Int64) throws -> Int {
        try pool.withConnection { try $0.execute("DELETE FROM staff_sessions WHERE expires_at <= \(now)") }
    }
}
