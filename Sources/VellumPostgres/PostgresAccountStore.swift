public import Foundation
import PostgresNIO
import VellumCore
public import VellumStore

/// Staff accounts, server-side sessions and API tokens on PostgreSQL, shared by every server of a
/// deployment (a session signed in on one is known to all).
public struct PostgresAccountStore: AccountStore {
    let pool: PostgresPool

    /// Uses `pool` as it is; run ``PostgresMigrator/migrate(_:migrations:)`` first (``open(_:)`` does).
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Brings the schema up to date, then returns the store.
    public static func open(_ pool: PostgresPool) throws -> PostgresAccountStore {
        try PostgresMigrator.migrate(pool)
        return PostgresAccountStore(pool: pool)
    }

    static let accountColumns = "id, username, role, password_hash, created_at, disabled"

    public func addAccount(_ a: StaffAccount) throws {
        do {
            try pool.withConnection {
                try $0.execute(
                    """
                    INSERT INTO staff_accounts(id, username, role, password_hash, created_at, disabled)
                    VALUES (\(a.id), \(a.username), \(a.role), \(a.passwordHash), \(a.createdAt), \(a.disabled))
                    """)
            }
        } catch let e as PostgresStoreError where e.code == .uniqueViolation {
            throw VellumError(.alreadyExists, "an account named \(a.username) or with id \(a.id) already exists")
        }
    }

    public func account(id: String) throws -> StaffAccount? {
        try accounts(where: "id = \(id)").first
    }

    public func account(username: String) throws -> StaffAccount? {
        try accounts(where: "username = \(username)").first
    }

    public func accounts() throws -> [StaffAccount] {
        try accounts(where: "true ORDER BY created_at, username")
    }

    private func accounts(where condition: PostgresQuery) throws -> [StaffAccount] {
        var query = PostgresQuery(unsafeSQL: "SELECT \(Self.accountColumns) FROM staff_accounts WHERE ")
        query.sql += condition.sql
        query.binds = condition.binds
        return try pool.withConnection { s in
            try s.decode(try s.query(query), as: (String, String, String, String, Int64, Bool).self).map {
                StaffAccount(id: $0, username: $1, role: $2, passwordHash: $3, createdAt: $4, disabled: $5)
            }
        }
    }

    public func updateAccount(_ a: StaffAccount) throws {
        let changed: Int
        do {
            changed = try pool.withConnection {
                try $0.execute(
                    """
                    UPDATE staff_accounts SET username = \(a.username), role = \(a.role), password_hash = \(a.passwordHash),
                        disabled = \(a.disabled) WHERE id = \(a.id)
                    """)
            }
        } catch let e as PostgresStoreError where e.code == .uniqueViolation {
            throw VellumError(.alreadyExists, "an account named \(a.username) already exists")
        }
        guard changed == 1 else { throw VellumError(.notFound, "no account \(a.id)") }
    }
}
