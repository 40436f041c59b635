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
    }

    let archive: Archive
    /// Normalized identifier → employee id (or nil: external). Lives as long as the ingestor.
    let memo = Mutex<[String: String?]>([:])

    init(archive: Archive) { self.archive = archive }

    func resolve(_ m: Message) throws -> Resolution {
        let sender = try party(m.sender, channel: m.source.channel)
        let recipients = try m.recipients.map { try party($0, channel: m.source.channel) }
        let scope = ScopePolicy.scopeName(
            for: m,
            sender: .init(identifier: sender.identifier, isEmployee: sender.employeeID != nil),
            recipients: recipients.map { .init(identifier: $0.identifier, isEmployee: $0.employeeID != nil) })
        return Resolution(sender: sender, recipients: recipients, scopeName: scope)
    }

    func party(_ p: VellumCore.Party, channel: Channel) throws -> Party {
        let normalized = Identifier.normalize(p.id, channel: channel)
        let key = archive.identifierKey(normalized)
        if let known = memo.withLock({ $0[normalized] }) {
            return Party(identifier: normalized, partyKey: key, employeeID: known)
        }
        let employee = try archive.store.read { try $0.employee(identifierKey: key) }
        let id = try employee.map { try archive.openEmployee($0).id }
        memo.withLock { $0[normalized] = .some(id) }
        return Party(identifier: normalized, partyKey: key, employeeID: id)
    }
}
