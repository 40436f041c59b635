public import Foundation
import PostgresNIO
import VellumCore
public import VellumStore

/// API tokens: only the SHA-256 of the secret is stored.
extension PostgresAccountStore {
    public func addToken(_ t: APIToken) throws {
        do {
            try pool.withConnection {
                try $0.execute(
                    """
                    INSERT INTO api_tokens(id, token_hash, name, role, created_by, created_at, expires_at, revoked_at)
                    VALUES (\(t.id), \(t.tokenHash), \(t.name), \(t.role), \(t.createdBy), \(t.createdAt),
                        \(t.expiresAt), \(t.revokedAt))
                    """)
            }
        } catch let e as PostgresStoreError where e.code == .uniqueViolation {
            throw VellumError(.alreadyExists, "token \(t.id) already exists")
        }
    }

    public func token(hash: Data) throws -> APIToken? {
        try tokens(where: "token_hash = \(hash)").first
    }

    public func tokens() throws -> [APIToken] {
        try tokens(where: "true ORDER BY created_at, id")
    }

    private func tokens(where condition: PostgresQuery) throws -> [APIToken] {
        var query = PostgresQuery(
            unsafeSQL:
                "SELECT id, token_hash, name, role, created_by, created_at, expires_at, revoked_at FROM api_tokens WHERE ")
        query.sql += condition.sql
        query.binds = condition.binds
        return try pool.withConnection { s in
            try s.decode(try s.query(query), as: (String, Data, String, String, String, Int64, Int64?, Int64?).self).map {
                APIToken(
                    id: $0, tokenHash: $1, name: $2, role: $3, createdBy: $4, createdAt: $5, expiresAt: $6, revokedAt: $7)
            }
        }
    }

    public func revokeToken(id: String, at: Int64) throws {
        let changed = try pool.withConnection {
            try $0.execute("UPDATE api_tokens SET revoked_at = \(at) WHERE id = \(id)")
        }
        guard changed == 1 else { throw VellumError(.notFound, "no API token \(id)") }
    }
}
