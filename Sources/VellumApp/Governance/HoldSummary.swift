public import VellumPolicy

/// A legal hold as lists show it (CLI `--json`, the API, the web UI).
public struct HoldSummary: Sendable, Codable, Hashable {
    public var id, matter, reason, kind, created: String
    public var created_by: String?
    public var expires: String?
    public var released: String?
    public var released_by: String?
    public var active: Bool
    public var scope: String

    public init(_ h: LegalHold, today: CalendarDay) {
        id = h.id
        matter = h.matter
        reason = h.reason
        kind = h.kind.rawValue
        created = h.created.description
        created_by = h.createdBy
        expires = h.expires?.description
        released = h.release?.day.description
        released_by = h.release?.by
        active = h.isActive(on: today)
        scope = Self.describe(h.scope)
    }

    /// The scope in one line: custodians, how many outside people (never who), conversations,
    /// channels, dates, query.
    public static func describe(_ s: HoldScope) -> String {
        var parts: [String] = []
        if !s.custodians.isEmpty { parts.append("custodians " + s.custodians.sorted().joined(separator: ", ")) }
        if !s.externalParties.isEmpty { parts.append("\(s.externalParties.count) external part(ies)") }
        if !s.conversations.isEmpty { parts.append("conversations " + s.conversations.sorted().joined(separator: ", ")) }
        if let c = s.channels { parts.append("channels " + c.map(\.rawValue).sorted().joined(separator: ", ")) }
        if let d = s.dates { parts.append("from \(d.from?.description ?? "…") through \(d.through?.description ?? "…")") }
        if let q = s.query { parts.append("query \(q)") }
        return parts.isEmpty ? "everything" : parts.joined(separator: "; ")
    }
}
