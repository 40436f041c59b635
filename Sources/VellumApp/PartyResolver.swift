import Foundation
import Synchronization
import VellumCore
import VellumCrypto
import VellumStore

/// The pipeline's "resolve" step: which participants are employees, and which scope seals the message.
final class PartyResolver: Sendable {
    struct Party {
        var identifier: String
        var partyKey: Data
        var employeeID: String?
    }

    struct Resolution {
        var sender: Party
        var recipients: [Party]
        var scopeName: String
        var scopeID: Data
    }

    struct Known {
        var partyKey: Data
        var employeeID: String?
    }

    let archive: Archive

    /// Normalized identifier → its key and employee id (nil: external). Lives as long as the ingestor.
    let memo = Mutex<[String: Known]>([:])

    init(archive: Archive) { self.archive = archive }

    /// Resolves a batch: every identifier not seen before is looked up in one read transaction.
    func resolve(_ messages: [Message]) throws -> [Resolution] {
        // Read in place, by index: iterating the messages would copy each one, retaining every
        // reference it holds.
        try messages.withUnsafeBufferPointer { try resolve($0) }
    }

    private func resolve(_ messages: UnsafeBufferPointer<Message>) throws -> [Resolution] {
        let normalized = messages.indices.map { i in
            ([messages[i].sender] + messages[i].recipients).map {
                Identifier.normalize($0.id, channel: messages[i].source.channel)
            }
        }
        var resolved: [String: Known] = memo.withLock { memo in
            var hits: [String: Known] = [:]
            for identifier in normalized.joined() { hits[identifier] = memo[identifier] }
            return hits
        }
        let unknown = Set(normalized.joined().filter { resolved[$0] == nil })
        if !unknown.isEmpty {
            let keys = Dictionary(uniqueKeysWithValues: unknown.map { ($0, archive.identifierKey($0)) })
            let found: [String: StoredEmployee] = try archive.store.read { tx in
                var out: [String: StoredEmployee] = [:]
                for (identifier, key) in keys {
                    if let e = try tx.employee(identifierKey: key) { out[identifier] = e }
                }
                return out
            }
            let opened = try found.mapValues { try archive.openEmployee($0).id }
            for (identifier, key) in keys {
                resolved[identifier] = Known(partyKey: key, employeeID: opened[identifier])
            }
            memo.withLock { memo in
                if memo.count > 1_000_000 { memo.removeAll() }  // bound memory on huge imports
                for identifier in unknown { memo[identifier] = resolved[identifier] }
            }
        }
        return messages.indices.map { i in
            let all = normalized[i].map { identifier in
                let k = resolved[identifier]!
                return Party(identifier: identifier, partyKey: k.partyKey, employeeID: k.employeeID)
            }
            let sender = all[0]
            let recipients = Array(all.dropFirst())
            let scope = ScopePolicy.scopeName(
                for: messages[i],
                sender: .init(identifier: sender.identifier, isEmployee: sender.employeeID != nil),
                recipients: recipients.map { .init(identifier: $0.identifier, isEmployee: $0.employeeID != nil) })
            return Resolution(sender: sender, recipients: recipients, scopeName: scope, scopeID: archive.scopeID(scope))
        }
    }
}
