public import VellumCore

/// One line of the retention schedule: which items it covers and for how long they must be kept.
///
/// A rule covers an item when the item's channel is in ``channels`` and one employee in it
/// matches every people filter given (``roles``, ``departments``, ``jurisdictions``). A filter
/// that is nil matches anything. The longest of all covering rules wins (regulation.md §4).
public struct RetentionRule: Sendable, Hashable, Identifiable {
    /// Unique, `[a-z0-9-]+`; decisions name it.
    public var id: String
    /// Employee roles, any of which matches; nil = any role.
    public var roles: [String]?
    /// Employee departments; nil = any department.
    public var departments: [String]?
    /// Jurisdictions (`US`, `EU`, `HK`, `US-CA` …) of an employee, or of the item itself (see
    /// ``RetentionSubject/jurisdictions``); nil = any.
    public var jurisdictions: [String]?
    /// Channels; nil = any channel.
    public var channels: [Channel]?
    /// How long items are kept.
    public var period: RetentionPeriod
    /// When the clock starts.
    public var from: ClockStart
    /// Why: the rule or law, shown in decisions, letters and records of processing.
    public var basis: LocalizedText
    /// The built-in or configured preset the period and basis came from, if any.
    public var preset: String?
    /// The purpose (``Purpose/id``) this rule serves; nil = every purpose.
    public var purpose: String?

    public init(
        id: String, roles: [String]? = nil, departments: [String]? = nil, jurisdictions: [String]? = nil,
        channels: [Channel]? = nil, period: RetentionPeriod, from: ClockStart = .sent, basis: LocalizedText,
        preset: String? = nil, purpose: String? = nil
    ) {
        self.id = id
        self.roles = roles
        self.departments = departments
        self.jurisdictions = jurisdictions
        self.channels = channels
        self.period = period
        self.from = from
        self.basis = basis
        self.preset = preset
        self.purpose = purpose
    }

    /// Whether the rule filters on people (roles or departments), not only on channel and place.
    var filtersPeople: Bool { roles != nil || departments != nil }
}

/// When a retention period starts.
public enum ClockStart: String, Sendable, Hashable, CaseIterable {
    /// When the message was sent (the source's timestamp).
    case sent
    /// When Vellum captured it.
    case captured

    public func text(_ language: Language) -> String {
        switch (language, self) {
        case (.en, .sent): "from the day the message was sent"
        case (.en, .captured): "from the day the archive captured it"
        case (.zh, .sent): "自消息发送之日起"
        case (.zh, .captured): "自归档系统采集之日起"
        }
    }
}
