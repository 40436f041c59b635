/// A legal hold: everything in its scope is kept, whatever retention or an erasure request
/// says, until Legal releases it (regulation.md §6.5; FRCP 37(e), 18 USC 1519).
///
/// Holds are values: releasing one makes a new value with a ``HoldRelease``; the caller records
/// both as ledger events.
public struct LegalHold: Sendable, Hashable, Identifiable {
    public var id: String
    /// The case, inquiry or investigation, e.g. "SEC inquiry HO-14231".
    public var matter: String
    public var reason: String
    public var kind: HoldKind
    public var created: CalendarDay
    public var createdBy: String?
    /// The last day of a hold that lapses by itself (a CCPA law-enforcement direction: 90 days,
    /// renewable); nil for holds that last until released.
    public var expires: CalendarDay?
    public var release: HoldRelease?
    public var scope: HoldScope

    public init(
        id: String, matter: String, reason: String, kind: HoldKind = .litigation, created: CalendarDay,
        createdBy: String? = nil, expires: CalendarDay? = nil, release: HoldRelease? = nil, scope: HoldScope
    ) {
        self.id = id
        self.matter = matter
        self.reason = reason
        self.kind = kind
        self.created = created
        self.createdBy = createdBy
        self.expires = expires
        self.release = release
        self.scope = scope
    }

    /// A CCPA 1798.145(a)(1) law-enforcement direction not to delete: 90 days from `created`.
    public static func lawEnforcementPreservation(
        id: String, matter: String, reason: String, created: CalendarDay, createdBy: String? = nil, scope: HoldScope
    ) -> LegalHold {
        LegalHold(
            id: id, matter: matter, reason: reason, kind: .lawEnforcementPreservation, created: created,
            createdBy: createdBy, expires: created.adding(days: 90), scope: scope)
    }

    /// Whether the hold binds on `day`: created, not released, not lapsed.
    public func isActive(on day: CalendarDay) -> Bool {
        if day < created { return false }
        if let release, release.day <= day { return false }
        if let expires, day > expires { return false }
        return true
    }

    /// Whether the hold has been released (on any day).
    public var isReleased: Bool { release != nil }

    /// The hold released on `day`; only once, and not before it was created.
    public func released(on day: CalendarDay, by person: String, reason: String) throws(PolicyError) -> LegalHold {
        guard release == nil else {
            throw PolicyError(.invalidRelease, "hold \(id) was already released on \(release!.day)")
        }
        guard day >= created else {
            throw PolicyError(.invalidRelease, "hold \(id) cannot be released on \(day), before it was created (\(created))")
        }
        var copy = self
        copy.release = HoldRelease(day: day, by: person, reason: reason)
        return copy
    }

    /// The hold renewed through `day` (another 90 days for a law-enforcement direction).
    public func renewed(through day: CalendarDay) -> LegalHold {
        var copy = self
        copy.expires = day
        return copy
    }
}

/// Why a hold exists (regulation.md §6.5).
public enum HoldKind: String, Sendable, Hashable, CaseIterable {
    case litigation
    case regulatoryInquiry = "regulatory_inquiry"
    case internalInvestigation = "internal_investigation"
    /// CCPA 1798.145(a)(1): law enforcement directs no deletion for 90 days, renewable.
    case lawEnforcementPreservation = "law_enforcement_preservation"

    /// Words for a requester's letter: the kind of obligation, never the matter.
    public func text(_ language: Language) -> String {
        switch (language, self) {
        case (.en, .litigation): "a legal hold for litigation"
        case (.en, .regulatoryInquiry): "a legal hold for a regulatory inquiry"
        case (.en, .internalInvestigation): "a legal hold for an internal investigation"
        case (.en, .lawEnforcementPreservation): "a law-enforcement direction to preserve data"
        case (.zh, .litigation): "因诉讼而实施的法律保全"
        case (.zh, .regulatoryInquiry): "因监管调查而实施的法律保全"
        case (.zh, .internalInvestigation): "因内部调查而实施的法律保全"
        case (.zh, .lawEnforcementPreservation): "执法机关要求保全数据的指令"
        }
    }
}

/// Who released a hold, when and why.
public struct HoldRelease: Sendable, Hashable {
    /// The first day the hold no longer binds.
    public var day: CalendarDay
    public var by: String
    public var reason: String

    public init(day: CalendarDay, by: String, reason: String) {
        self.day = day
        self.by = by
        self.reason = reason
    }
}
