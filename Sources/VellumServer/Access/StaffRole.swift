/// The roles of people who use the server. Each sees what its work needs and nothing more
/// (least privilege): administrators run the system but do not read messages.
public enum StaffRole: String, Sendable, Codable, CaseIterable, Comparable {
    /// Accounts, API tokens, capture health, configuration. No message content.
    case admin
    /// Supervision: search and read, review alerts, usage, exports for regulators.
    case compliance
    /// Privacy requests: register, fulfil, decision letters; reads what a request needs.
    case privacy
    /// Legal holds, eDiscovery exports, legal claims; reads restricted records.
    case legal
    /// Read-only oversight: the ledger, tree heads, the access log. No message content.
    case auditor

    public static func < (a: StaffRole, b: StaffRole) -> Bool { a.rawValue < b.rawValue }

    /// What this role may do.
    public var permissions: Set<Permission> {
        switch self {
        case .admin: [.manageAccounts, .viewCaptureHealth, .verifyLedger, .viewAudit]
        case .compliance:
            [
                .readRecords, .readRestricted, .viewAlerts, .reviewAlerts, .viewHolds, .exportRecords, .viewUsage,
                .viewCaptureHealth, .viewPolicy, .verifyLedger,
            ]
        case .privacy: [.readRecords, .viewPrivacy, .managePrivacy, .viewHolds, .viewPolicy, .verifyLedger]
        case .legal:
            [
                .readRecords, .readRestricted, .viewHolds, .manageHolds, .exportRecords, .viewPrivacy, .legalClaims,
                .viewPolicy, .verifyLedger,
            ]
        case .auditor: [.viewAudit, .viewHolds, .viewPolicy, .verifyLedger]
        }
    }

    public func allows(_ permission: Permission) -> Bool { permissions.contains(permission) }
}

/// One thing a route needs the caller to be allowed to do.
public enum Permission: String, Sendable, CaseIterable {
    /// Search, open records and conversations (every read is written to the ledger).
    case readRecords
    /// Also see records restricted after an erasure request.
    case readRestricted
    case viewAlerts
    /// Claim, review, escalate, close and reopen alerts.
    case reviewAlerts
    case viewHolds
    case manageHolds
    case viewPrivacy
    case managePrivacy
    /// Record and close legal claims that keep records an erasure request names.
    case legalClaims
    case exportRecords
    case viewUsage
    case viewCaptureHealth
    case viewPolicy
    case viewAudit
    case verifyLedger
    case manageAccounts
}
