import Foundation
import VellumCore
import VellumCrypto
public import VellumPolicy
import VellumStore

/// The privacy-request register: requests under GDPR, CCPA or PIPL, their clocks and their
/// moves, each a ledger leaf. The register is sealed under the legal scope: subjects' identifiers
/// and reasons never reach the ledger, which carries the action, the request id and the SHA-256
/// of the sealed register.
public struct PrivacyRequestService: Sendable {
    let archive: Archive

    public init(archive: Archive) { self.archive = archive }

    static let metaKey = "privacy_requests"
    static let context = Data("privacy-requests".utf8)

    /// The clocks of the policy in force, else the defaults.
    public func deadlines() throws -> PrivacyDeadlines {
        try PolicyService(archive: archive).active()?.privacy ?? .defaults
    }

    /// Registers a request received on `received`; its id is `PR-<year of receipt>-<sequence>`.
    @discardableResult
    public func create(
        kind: PrivacyRequestKind, law: PrivacyLaw, subjects: [String], received: CalendarDay, actor: String
    ) throws -> RegisteredPrivacyRequest {
        var seen = Set<String>()
        let subjects = subjects.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
        guard !subjects.isEmpty else {
            throw VellumError(.invalidInput, "a privacy request needs at least one identifier of the person")
        }
        let today = CalendarDay(utc: Timestamp(date: archive.now()))
        guard received <= today.adding(days: 1) else {  // a day of slack for time zones ahead of UTC
            throw VellumError(.invalidInput, "the request cannot be received on \(received), after today (\(today), UTC)")
        }
        let deadlines = try deadlines()
        let record = try update(action: "created", actor: actor) { register in
            let prefix = "PR-\(received.description.prefix(4))-"
            let last = register.compactMap { $0.id.hasPrefix(prefix) ? Int($0.id.dropFirst(prefix.count)) : nil }.max()
            let id = prefix + String(format: "%04d", (last ?? 0) + 1)
            register.append(PrivacyRequestRecord(
                PrivacyRequest(id: id, law: law, kind: kind, received: received), subjects: subjects, createdBy: actor))
            return register.count - 1
        }
        return try Self.registered(record, deadlines: deadlines)
    }

    /// Every request, oldest first.
    public func list() throws -> [RegisteredPrivacyRequest] {
        let deadlines = try deadlines()
        return try load().map { try Self.registered($0, deadlines: deadlines) }
    }

    public func show(_ id: String) throws -> RegisteredPrivacyRequest {
        guard let record = try load().first(where: { $0.id == id }) else {
            throw VellumError(.notFound, "no privacy request \(id)")
        }
        return try Self.registered(record, deadlines: try deadlines())
    }

    /// Confirms receipt to the person (CCPA: within 10 business days).
    @discardableResult
    public func acknowledge(_ id: String, on day: CalendarDay, actor: String) throws -> RegisteredPrivacyRequest {
        try move(id, to: .acknowledged, note: nil, on: day, actor: actor)
    }

    /// Extends the due date once, by the law's extension, before the original due date.
    @discardableResult
    public func extend(_ id: String, reason: String, on day: CalendarDay, actor: String) throws -> RegisteredPrivacyRequest {
        try move(id, to: .extended, note: reason, on: day, actor: actor)
    }

    /// Refuses the request; `reason` is what the person is told.
    @discardableResult
    public func refuse(_ id: String, reason: String, on day: CalendarDay, actor: String) throws -> RegisteredPrivacyRequest {
        try move(id, to: .refused, note: reason, on: day, actor: actor)
    }

    /// Moves a request along its status machine (fulfilment calls this with `.inProgress` and
    /// `.fulfilled`); invalid moves throw `refused`. The ledger action is the new status.
    @discardableResult
    public func move(
        _ id: String, to status: PrivacyRequestStatus, note: String?, on day: CalendarDay, actor: String
    ) throws -> RegisteredPrivacyRequest {
        let deadlines = try deadlines()
        let record = try update(action: status.rawValue, actor: actor) { register in
            guard let i = register.firstIndex(where: { $0.id == id }) else {
                throw VellumError(.notFound, "no privacy request \(id)")
            }
            let current = try register[i].request
            let moved: PrivacyRequest
            do {
                moved = try current.moved(to: status, on: day, note: note, deadlines: deadlines)
            } catch {
                throw VellumError(.refused, (error as? PolicyError)?.reason ?? "\(error)")
            }
            let change = moved.history.last!
            register[i].history.append(.init(
                from: change.from.rawValue, to: change.to.rawValue, day: change.day.description, note: change.note, by: actor))
            return i
        }
        return try Self.registered(record, deadlines: deadlines)
    }

    /// Records that the subject's records are needed for a concrete legal claim: an erasure then
    /// keeps them, restricted, until the claim is closed (reviewed by `reviewBy`).
    @discardableResult
    public func setLegalClaim(_ id: String, reference: String, reviewBy: CalendarDay?, actor: String) throws -> RegisteredPrivacyRequest {
        guard !reference.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw VellumError(.invalidInput, "a legal claim needs a reference")
        }
        let deadlines = try deadlines()
        let record = try update(action: "legal_claim", actor: actor) { register in
            guard let i = register.firstIndex(where: { $0.id == id }) else { throw VellumError(.notFound, "no privacy request \(id)") }
            guard register[i].type == PrivacyRequestKind.erasure.rawValue else {
                throw VellumError(.invalidInput, "request \(id) is not an erasure request; a legal claim only keeps records from erasure")
            }
            register[i].legal_claim = .init(reference: reference, review_by: reviewBy?.description, closed: nil)
            return i
        }
        return try Self.registered(record, deadlines: deadlines)
    }

    /// The legal claim no longer needs the records: the next `retention run` erases them, unless
    /// a hold or retention still keeps them.
    @discardableResult
    public func closeLegalClaim(_ id: String, on day: CalendarDay, actor: String) throws -> RegisteredPrivacyRequest {
        let deadlines = try deadlines()
        let record = try update(action: "legal_claim_closed", actor: actor) { register in
            guard let i = register.firstIndex(where: { $0.id == id }) else { throw VellumError(.notFound, "no privacy request \(id)") }
            guard register[i].legal_claim != nil, register[i].legal_claim?.closed == nil else {
                throw VellumError(.invalidInput, "request \(id) has no open legal claim")
            }
            register[i].legal_claim?.closed = day.description
            return i
        }
        return try Self.registered(record, deadlines: deadlines)
    }

    /// The ids of the records this request restricted (kept after an erasure, or a restriction request).
    public func restrictedRecords(_ id: String) throws -> [String] {
        try archive.store.read { try $0.restrictions() }.filter { $0.request == id }.map(\.id.rawValue)
    }

    /// The records the request's subjects take part in (``SubjectFinder``); the look-up is
    /// written to the access log like a search, the request id sealed in its detail.
    public func lookup(_ id: String, actor: String) throws -> SubjectLookup {
        let found = try SubjectFinder(archive: archive).find(try show(id).subjects)
        try AccessLog(archive: archive).record(
            actor: actor, action: "privacy.lookup", records: found.ids.map(\.rawValue), count: found.records.count,
            detail: id)
        return found
    }

    // MARK: - The sealed register

    func load() throws -> [PrivacyRequestRecord] {
        let key = try archive.dataKey(scope: ScopePolicy.legal)
        return try archive.store.read { try Self.open($0.meta(Self.metaKey), key: key) }
    }

    static func open(_ sealed: Data?, key: DataKey) throws -> [PrivacyRequestRecord] {
        guard let sealed else { return [] }
        return try JSONDecoder().decode([PrivacyRequestRecord].self, from: key.open(sealed, context: context))
    }

    /// Reads, changes and writes back the register in one write transaction, with the ledger
    /// leaf for the change; `change` returns the index of the request it made or moved.
    func update(
        action: String, actor: String, _ change: (inout [PrivacyRequestRecord]) throws -> Int
    ) throws -> PrivacyRequestRecord {
        let key = try archive.dataKey(scope: ScopePolicy.legal)  // before the transaction: stores are not reentrant
        let record: PrivacyRequestRecord = try archive.store.write { tx in
            var register = try Self.open(tx.meta(Self.metaKey), key: key)
            let i = try change(&register)
            let sealed = try key.seal(try JSONEncoder().encode(register), context: Self.context)
            try tx.setMeta(Self.metaKey, sealed)
            _ = try LedgerAppender(archive: archive, tx: tx).append([
                LedgerEvent(
                    type: .privacyRequest, at: archive.nowMilliseconds, commitment: Digest.sha256(sealed).hexString,
                    actor: actor, action: action, records: [register[i].id])
            ])
            return register[i]
        }
        try archive.writeCheckpoint()
        return record
    }

    static func registered(_ r: PrivacyRequestRecord, deadlines: PrivacyDeadlines) throws -> RegisteredPrivacyRequest {
        let request = try r.request
        return RegisteredPrivacyRequest(
            request: request, subjects: r.subjects, createdBy: r.created_by,
            deadline: request.deadline(using: deadlines), movedBy: r.history.map(\.by),
            legalClaim: r.legal_claim.flatMap { c in
                c.closed == nil ? LegalClaim(reference: c.reference, reviewBy: c.review_by.flatMap(CalendarDay.init)) : nil
            })
    }
}
