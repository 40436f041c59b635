public import Foundation
import Synchronization
import VellumCore

/// An ``AccountStore`` in memory, for tests and in-memory archives.
public final class InMemoryAccountStore: AccountStore {
    struct State {
        var accounts: [String: StaffAccount] = [:]
        var sessions: [Data: StaffSession] = [:]
        var tokens: [Data: APIToken] = [:]
    }

    let state = Mutex(State())

    public init() {}

    public func addAccount(_ account: StaffAccount) throws {
        try state.withLock { s in
            guard !s.accounts.values.contains(where: { $0.username == account.username || $0.id == account.id }) else {
                throw VellumError(.alreadyExists, "an account named \(account.username) already exists")
            }
            s.accounts[account.id] = account
        }
    }

    public func account(id: String) throws -> StaffAccount? { state.withLock { $0.accounts[id] } }

    public func account(username: String) throws -> StaffAccount? {
        state.withLock { $0.accounts.values.first { $0.username == username } }
    }

    public func accounts() throws -> [StaffAccount] {
        state.withLock { $0.accounts.values.sorted { ($0.createdAt, $0.username) < ($1.createdAt, $1.username) } }
    }

    public func updateAccount(_ account: StaffAccount) throws {
        try state.withLock { s in
            guard s.accounts[account.id] != nil else { throw VellumError(.notFound, "no account \(account.id)") }
            s.accounts[account.id] = account
        }
    }

    public func addSession(_ session: StaffSession) throws { state.withLock { $0.sessions[session.tokenHash] = session } }
    public func session(tokenHash: Data) throws -> StaffSession? { state.withLock { $0.sessions[tokenHash] } }
    public func touchSession(tokenHash: Data, at: Int64) throws { state.withLock { $0.sessions[tokenHash]?.lastSeen = at } }
    public func removeSession(tokenHash: Data) throws { state.withLock { _ = $0.sessions.removeValue(forKey: tokenHash) } }

    public func removeSessions(accountID: String) throws {
        state.withLock { s in s.sessions = s.sessions.filter { $0.value.accountID != accountID } }
    }

    public func removeExpiredSessions(now: Int64) throws -> Int {
        state.withLock { s in
            let before = s.sessions.count
            s.sessions = s.sessions.filter { $0.value.expiresAt > now }
            return before - s.sessions.count
        }
    }

    public func addToken(_ token: APIToken) throws {
        try state.withLock { s in
            guard s.tokens[token.tokenHash] == nil, !s.tokens.values.contains(where: { $0.id == token.id }) else {
                throw VellumError(.alreadyExists, "token \(token.id) already exists")
            }
            s.tokens[token.tokenHash] = token
        }
    }

    public func token(hash: Data) throws -> APIToken? { state.withLock { $0.tokens[hash] } }

    public func tokens() throws -> [APIToken] {
        state.withLock { $0.tokens.values.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) } }
    }

    public func revokeToken(id: String, at: Int64) throws {
        try state.withLock { s in
            guard let (hash, _) = s.tokens.first(where: { $0.value.id == id }) else {
                throw VellumError(.notFound, "no API token \(id)")
            }
            s.tokens[hash]?.revokedAt = at
        }
    }
}
