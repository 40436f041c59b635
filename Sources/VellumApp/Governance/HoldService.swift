public import Foundation
public import VellumCore
import VellumCrypto
public import VellumPolicy
import VellumStore

/// Legal holds kept in the archive: created, listed and released by Legal, each step a ledger
/// leaf. Matter names and custodians can be sensitive, so the hold list is sealed.
public struct HoldService: Sendable {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    static let metaKey = "holds"
    static let context = Data("legal-holds".utf8)

    /// The stored form of a hold (``LegalHold`` is a pure value without an encoding).
    struct Stored: Codable {
        var id: String
        var matter: String
        var reason: String
        var kind: String
        var created: String
        var created_by: String?
        var expires: String?
        var released: String?
        var released_by: String?
        var release_reason: String?
        var custodians: [String]
        var external_parties: [String]
        var conversations: [String]
        var channels: [String]?
        var from: String?
        var through: String?
        var query: String?

        init(_ h: LegalHold) {
            id = h.id
            matter = h.matter
            reason = h.reason
            kind = h.kind.rawValue
            created = h.created.description
            created_by = h.createdBy
            expires = h.expires?.description
            released = h.release?.day.description
            released_by = h.release?.by
            release_reason = h.release?.reason
            custodians = h.scope.custodians.sorted()
            external_parties = h.scope.externalParties.sorted()
            conversations = h.scope.conversations.sorted()
            channels = h.scope.channels?.map(\.rawValue).sorted()
            from = h.scope.dates?.from?.description
            through = h.scope.dates?.through?.description
            query = h.scope.query
        }

        var hold: LegalHold {
            let dates = (from != nil || through != nil)
                ? DateRange(from: from.flatMap(CalendarDay.init), through: through.flatMap(CalendarDay.init)) : nil
            return LegalHold(
                id: id, matter: matter, reason: reason, kind: HoldKind(rawValue: kind) ?? .litigation,
                created: CalendarDay(created)!, createdBy: created_by, expires: expires.flatMap(CalendarDay.init),
                release: released.flatMap(CalendarDay.init).map {
                    HoldRelease(day: $0, by: released_by ?? "", reason: release_reason ?? "")
                },
                scope: HoldScope(
                    custodians: Set(custodians), externalParties: Set(external_parties),
                    conversations: Set(conversations), channels: channels.map { Set($0.compactMap(Channel.init)) },
                    dates: dates, query: query))
        }
    }

    public func list() throws -> [LegalHold] { try load().map(\.hold) }

    func load() throws -> [Stored] {
        guard let sealed = try archive.store.read({ try $0.meta(Self.metaKey) }) else { return [] }
        let plain = try archive.dataKey(scope: ScopePolicy.legal).open(sealed, context: Self.context)
        return try JSONDecoder().decode([Stored].self, from: plain)
    }

    func save(_ holds: [Stored], event: LedgerEvent) throws {
        let sealed = try archive.dataKey(scope: ScopePolicy.legal).seal(try JSONEncoder().encode(holds), context: Self.context)
        try archive.store.write { tx in
            try tx.setMeta(Self.metaKey, sealed)
            _ = try LedgerAppender(archive: archive, tx: tx).append([event])
        }
        try archive.writeCheckpoint()
    }

    /// Creates a hold; external parties are given as identifiers in any form (normalized here).
    @discardableResult
    public func create(
        matter: String, reason: String, kind: HoldKind = .litigation, scope: HoldScope, actor: String, on day: CalendarDay
    ) throws -> LegalHold {
        guard !matter.trimmingCharacters(in: .whitespaces).isEmpty, !reason.trimmingCharacters(in: .whitespaces).isEmpty
        else { throw VellumError(.invalidInput, "a hold needs a matter and a reason") }
        var holds = try load()
        var scope = scope
        scope.externalParties = Set(scope.externalParties.map { Identifier.normalize($0, channel: .other) })
        let hold = LegalHold(
            id: "H\(holds.count + 1)", matter: matter, reason: reason, kind: kind, created: day, createdBy: actor,
            expires: kind == .lawEnforcementPreservation ? day.adding(days: 90) : nil, scope: scope)
        holds.append(Stored(hold))
        try save(holds, event: LedgerEvent(
            type: .legalHold, at: archive.nowMilliseconds, commitment: Self.digest(holds.last!), actor: actor,
            action: "create", records: [hold.id]))
        return hold
    }

    public func release(_ id: String, reason: String, actor: String, on day: CalendarDay) throws -> LegalHold {
        var holds = try load()
        guard let i = holds.firstIndex(where: { $0.id == id }) else { throw VellumError(.notFound, "no hold \(id)") }
        let released: LegalHold
        do {
            released = try holds[i].hold.released(on: day, by: actor, reason: reason)
        } catch {
            throw VellumError(.refused, "\(error)")
        }
        holds[i] = Stored(released)
        try save(holds, event: LedgerEvent(
            type: .legalHold, at: archive.nowMilliseconds, commitment: Self.digest(holds[i]), actor: actor,
            action: "release", records: [id]))
        return released
    }

    static func digest(_ s: Stored) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return Digest.sha256((try? e.encode(s)) ?? Data()).hexString
    }
}
