public import VellumCore

/// The `surveillance` section of the policy file as plain values, for the surveillance engine.
///
/// Everything here was validated when the file was read: rule ids are unique, every lexicon a
/// rule names exists, every detector a rule names is enabled, and each rule has only the keys its
/// type uses. Defaults are filled in, so the engine never guesses.
public struct SurveillancePolicy: Sendable, Hashable {
    /// The enabled detectors (`surveillance.detectors`; absent = all).
    public var detectors: [DetectorID]
    public var rules: [SurveillanceRule]
    /// Named term lists (English and Chinese), by name. Built-in lexicons are not listed here.
    public var lexicons: [String: [String]]
    public var sampling: SamplingPolicy?

    public init(
        detectors: [DetectorID] = DetectorID.allCases, rules: [SurveillanceRule] = [],
        lexicons: [String: [String]] = [:], sampling: SamplingPolicy? = nil
    ) {
        self.detectors = detectors
        self.rules = rules
        self.lexicons = lexicons
        self.sampling = sampling
    }

    /// Lexicons the surveillance module ships; a rule may name them without defining them.
    public static let builtInLexicons: Set<String> = ["off_channel"]

    /// The detectors a rule runs: its own list, or every enabled detector.
    public func detectors(for rule: SurveillanceRule) -> [DetectorID] { rule.detectors ?? detectors }
}

/// The sensitive-data detectors, by the ids the surveillance engine reports.
public enum DetectorID: String, Sendable, Hashable, CaseIterable {
    case creditCard = "credit_card"
    case iban
    case usSSN = "us_ssn"
    case cnResidentID = "cn_resident_id"
    case hkID = "hk_id"
    case email
    case phone
    case awsAccessKey = "aws_access_key"
    case githubToken = "github_token"
    case privateKey = "private_key"
    case swiftBIC = "swift_bic"
}

/// How serious a rule's alerts are.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    case low, medium, high

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Which channels a rule looks at.
public enum ChannelScope: Sendable, Hashable {
    /// Every channel.
    case any
    /// Channels that are not end-to-end encrypted, after the policy's overrides
    /// (``Policy/isEndToEndEncrypted(_:)``).
    case unencrypted
    /// These channels.
    case only([Channel])

    /// The text form of the policy file: `any`, `unencrypted` or the channel names.
    public var text: String {
        switch self {
        case .any: "any"
        case .unencrypted: "unencrypted"
        case .only(let list): list.map(\.rawValue).joined(separator: ",")
        }
    }
}

/// The share of each employee's messages drawn for review (FINRA 3110(b)(4), regulation.md R-15).
public struct SamplingPolicy: Sendable, Hashable {
    /// 0 … 1.
    public var rate: Double
    /// Only employees with one of these roles; nil = everyone.
    public var roles: [String]?

    public init(rate: Double, roles: [String]? = nil) {
        self.rate = rate
        self.roles = roles
    }
}
