public import Foundation
import VellumCore
public import VellumStore

/// The behaviour every ``AccountStore`` driver must show. Each case gets a fresh, empty store.
public enum AccountStoreConformance {
    public static let cases: [String: @Sendable (any AccountStore) throws -> Void] = [
        "accounts are unique by username and updated in place": accounts,
        "sessions are found by token hash, touched, expired and signed out": sessions,
        "API tokens are found by hash, listed and revoked": tokens,
    ]

    static func account(_ name: String, at: Int64 = 1) -> StaffAccount {
        StaffAccount(id: "id-\(name)", username: name, role: "compliance", passwordHash: "$2b$12$x", createdAt: at)
    }

    static func accounts(_ store: any AccountStore) throws {
        try store.addAccount(account("alice", at: 1))
        try store.addAccount(account("bob", at: 2))
        var refused = false
        do { try store.addAccount(StaffAccount(id: "other", username: "alice", role: "admin", passwordHash: "h", createdAt: 3)) }
        catch let e as VellumError where e.code == .alreadyExists { refused = true }
        try check(refused, "a second account named alice was accepted")
        try check(try store.accounts().map(\.username) == ["alice", "bob"], "accounts are listed in creation order")
        var alice = try store.account(username: "alice")
        try check(alice?.id == "id-alice" && alice?.role == "compliance", "alice is found by username")
        alice!.role = "legal"
        alice!.disabled = true
        try store.updateAccount(alice!)
        try check(try store.account(id: "id-alice") == alice, "the update is kept whole")
        try check(try store.account(username: "carol") == nil, "an unknown username is nil")
        var missing = false
        do { try store.updateAccount(account("carol")) } catch let e as VellumError where e.code == .notFound { missing = true }
        try check(missing, "updating an unknown account is refused")
    }

    static func sessions(_ store: any AccountStore) throws {
        try store.addAccount(account("alice"))
        try store.addAccount(account("bob"))
        let a = StaffSession(tokenHash: Data([1]), accountID: "id-alice", csrfToken: "c1", createdAt: 10, expiresAt: 100, lastSeen: 10)
        let b = StaffSession(tokenHash: Data([2]), accountID: "id-alice", csrfToken: "c2", createdAt: 10, expiresAt: 50, lastSeen: 10)
        let c = StaffSession(tokenHash: Data([3]), accountID: "id-bob", csrfToken: "c3", createdAt: 10, expiresAt: 200, lastSeen: 10)
        for s in [a, b, c] { try store.addSession(s) }
        try check(try store.session(tokenHash: Data([1])) == a, "a session is found by its token hash")
        try store.touchSession(tokenHash: Data([1]), at: 42)
        try check(try store.session(tokenHash: Data([1]))?.lastSeen == 42, "touching a session moves last_seen")
        try check(try store.removeExpiredSessions(now: 60) == 1, "one session had expired by 60")
        try check(try store.session(tokenHash: Data([2])) == nil, "the expired session is gone")
        try store.removeSession(tokenHash: Data([3]))
        try check(try store.session(tokenHash: Data([3])) == nil, "a signed-out session is gone")
        try store.addSession(c)
        try store.removeSessions(accountID: "id-alice")
        try check(try store.session(tokenHash: Data([1])) == nil, "signing alice out everywhere removes her session")
        try check(try store.session(tokenHash: Data([3])) != nil, "bob's session is untouched")
    }

    static func tokens(_ store: any AccountStore) throws {
        let t = APIToken(id: "t1", tokenHash: Data([9, 9]), name: "siem", role: "auditor", createdBy: "id-admin", createdAt: 5, expiresAt: 500)
        try store.addToken(t)
        try store.addToken(APIToken(id: "t2", tokenHash: Data([8]), name: "ediscovery", role: "legal", createdBy: "id-admin", createdAt: 6))
        try check(try store.token(hash: Data([9, 9])) == t, "a token is found by its hash")
        try check(try store.token(hash: Data([7])) == nil, "an unknown hash finds nothing")
        try check(try store.tokens().map(\.id) == ["t1", "t2"], "tokens are listed in creation order")
        try store.revokeToken(id: "t1", at: 77)
        try check(try store.token(hash: Data([9, 9]))?.revokedAt == 77, "revocation is kept")
        var missing = false
        do { try store.revokeToken(id: "nope", at: 1) } catch let e as VellumError where e.code == .notFound { missing = true }
        try check(missing, "revoking an unknown token is refused")
    }
}
