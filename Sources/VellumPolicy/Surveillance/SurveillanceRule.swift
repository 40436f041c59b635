/// One surveillance rule from `surveillance.rules`, with its defaults filled in.
///
/// Only the fields that the rule's ``type`` uses are set; the others keep their defaults and
/// the policy file may not write them (the loader reports such keys as problems).
public struct SurveillanceRule: Sendable, Hashable, Identifiable {
    /// Unique, `[a-z0-9-]+`.
    public var id: String
    public var type: SurveillanceRuleType
    /// `sensitive_data`: the detectors to act on; nil = every enabled detector.
    public var detectors: [DetectorID]?
    /// `sensitive_data`, `lexicon`, `channel_ban`: where the rule applies. Default `any`
    /// (`channel_ban` must name its channels).
    public var channels: ChannelScope
    /// `sensitive_data`: the lowest finding confidence that raises an alert (default 0.5).
    public var minConfidence: Double
    public var severity: Severity
    /// Employee roles the rule applies to (for `channel_ban`: the roles banned); nil = everyone.
    public var roles: [String]?
    /// Employee departments the rule applies to; nil = every department.
    public var departments: [String]?
    /// `lexicon`: lexicon names, defined in `surveillance.lexicons` or built in (`off_channel`).
    public var lexicons: [String]
    /// `retail_communication`: more distinct retail recipients than this within ``windowDays``
    /// makes a retail communication (FINRA 2210: > 25 within 30 days). Default 25.
    public var maxRecipients: Int
    /// `retail_communication`: the rolling window in days. Default 30.
    public var windowDays: Int

    public init(
        id: String, type: SurveillanceRuleType, detectors: [DetectorID]? = nil, channels: ChannelScope = .any,
        minConfidence: Double = 0.5, severity: Severity = .medium, roles: [String]? = nil,
        departments: [String]? = nil, lexicons: [String] = [], maxRecipients: Int = 25, windowDays: Int = 30
    ) {
        self.id = id
        self.type = type
        self.detectors = detectors
        self.channels = channels
        self.minConfidence = minConfidence
        self.severity = severity
        self.roles = roles
        self.departments = departments
        self.lexicons = lexicons
        self.maxRecipients = maxRecipients
        self.windowDays = windowDays
    }
}

/// What a surveillance rule looks for.
public enum SurveillanceRuleType: String, Sendable, Hashable, CaseIterable {
    /// Findings of the sensitive-data detectors (PCI DSS 4.2.2, regulation.md R-40).
    case sensitiveData = "sensitive_data"
    /// Use of a channel by roles that may not use it.
    case channelBan = "channel_ban"
    /// Use of a channel the policy has not approved (FINRA RN 17-18).
    case unapprovedChannel = "unapproved_channel"
    /// Terms from lexicons (off-channel talk, promises of returns).
    case lexicon
    /// One message to more than `max_recipients` retail investors within `window_days` (FINRA 2210).
    case retailCommunication = "retail_communication"

    /// The rule keys this type may use besides `id`, `type`, `severity`, `roles` and `departments`.
    var ownKeys: Set<String> {
        switch self {
        case .sensitiveData: ["detectors", "channels", "min_confidence"]
        case .channelBan: ["channels"]
        case .unapprovedChannel: []
        case .lexicon: ["channels", "lexicons"]
        case .retailCommunication: ["max_recipients", "window_days"]
        }
    }
}
