/// One purpose the archive processes personal data for (GDPR Art. 30(1)(b)–(e)): why, on what
/// lawful basis, whose data, which data, who receives it, and where it goes.
public struct Purpose: Sendable, Hashable, Identifiable {
    /// Unique, `[a-z0-9-]+`; retention rules may name it in `purpose`.
    public var id: String
    public var description: LocalizedText
    public var lawfulBasis: LawfulBasis
    /// The law behind the basis, e.g. "MiFID II Art. 16(7)" for a legal obligation.
    public var legalReference: String?
    /// Whose data: employees, clients, counterparties, contractors.
    public var subjects: [DataSubjectCategory]
    /// Which data, in the organisation's words ("chat messages", "attachments", "handles").
    public var dataCategories: [String]
    /// Who receives the data ("regulators on request", "external auditors").
    public var recipients: [String]
    /// Transfers to third countries and their safeguards (Art. 30(1)(e), Arts. 44–49).
    public var transfers: [Transfer]
    /// Vellum roles that can see the data (`compliance`, `legal`, `auditor`, `privacy`, `admin`).
    public var accessRoles: [String]

    public init(
        id: String, description: LocalizedText, lawfulBasis: LawfulBasis, legalReference: String? = nil,
        subjects: [DataSubjectCategory] = DataSubjectCategory.allCases, dataCategories: [String],
        recipients: [String] = [], transfers: [Transfer] = [], accessRoles: [String] = Purpose.defaultAccessRoles
    ) {
        self.id = id
        self.description = description
        self.lawfulBasis = lawfulBasis
        self.legalReference = legalReference
        self.subjects = subjects
        self.dataCategories = dataCategories
        self.recipients = recipients
        self.transfers = transfers
        self.accessRoles = accessRoles
    }

    /// Who sees archived data when the policy does not say: the review, legal and audit roles.
    public static let defaultAccessRoles = ["compliance", "legal", "auditor"]
}

/// The lawful bases of GDPR Art. 6(1), by the names the policy file uses.
public enum LawfulBasis: String, Sendable, Hashable, CaseIterable {
    case consent, contract
    case legalObligation = "legal_obligation"
    case vitalInterests = "vital_interests"
    case publicTask = "public_task"
    case legitimateInterests = "legitimate_interests"

    /// The point of Art. 6(1): "a" … "f".
    public var article: String {
        switch self {
        case .consent: "Art. 6(1)(a)"
        case .contract: "Art. 6(1)(b)"
        case .legalObligation: "Art. 6(1)(c)"
        case .vitalInterests: "Art. 6(1)(d)"
        case .publicTask: "Art. 6(1)(e)"
        case .legitimateInterests: "Art. 6(1)(f)"
        }
    }

    public func text(_ language: Language) -> String {
        switch (language, self) {
        case (.en, .consent): "consent"
        case (.en, .contract): "performance of a contract"
        case (.en, .legalObligation): "compliance with a legal obligation"
        case (.en, .vitalInterests): "protection of vital interests"
        case (.en, .publicTask): "a task in the public interest"
        case (.en, .legitimateInterests): "legitimate interests"
        case (.zh, .consent): "同意"
        case (.zh, .contract): "履行合同所必需"
        case (.zh, .legalObligation): "履行法定义务所必需"
        case (.zh, .vitalInterests): "保护重大利益"
        case (.zh, .publicTask): "执行公共利益任务"
        case (.zh, .legitimateInterests): "正当利益"
        }
    }
}

/// Whose personal data a purpose touches; decides which privacy notice lists it.
public enum DataSubjectCategory: String, Sendable, Hashable, CaseIterable {
    case employees, contractors, clients, counterparties

    /// The notice audience this category reads.
    public var audience: PrivacyNotice.Audience {
        switch self {
        case .employees, .contractors: .employees
        case .clients, .counterparties: .clients
        }
    }

    public func text(_ language: Language) -> String {
        switch (language, self) {
        case (.en, _): rawValue
        case (.zh, .employees): "员工"
        case (.zh, .contractors): "外包及合同人员"
        case (.zh, .clients): "客户"
        case (.zh, .counterparties): "交易对手及其他外部联系人"
        }
    }
}

/// A transfer of personal data to a third country and its safeguard.
public struct Transfer: Sendable, Hashable {
    /// Destination country or region (`US`, `HK`).
    public var to: String
    /// The safeguard: "EU-US Data Privacy Framework", "SCCs (2021/914)", "CAC standard contract".
    public var safeguard: String

    public init(to: String, safeguard: String) {
        self.to = to
        self.safeguard = safeguard
    }
}
