/// Where a privacy request stands.
///
/// ```
/// received ──▶ acknowledged ──▶ in_progress ──▶ fulfilled
///    │  ╲            │  ╲            │  ╲
///    │   ╲           │   ▶ extended ◀┘   ▶ refused
///    │    ▶ in_progress   │  ╲
///    ▶ refused            ▶ fulfilled | refused
/// ```
/// `fulfilled` and `refused` are final. A request is extended at most once.
public enum PrivacyRequestStatus: String, Sendable, Hashable, CaseIterable {
    case received, acknowledged
    case inProgress = "in_progress"
    case extended, fulfilled, refused

    /// The statuses this one may move to.
    public var next: Set<PrivacyRequestStatus> {
        switch self {
        case .received: [.acknowledged, .inProgress, .refused]
        case .acknowledged: [.inProgress, .extended, .fulfilled, .refused]
        case .inProgress: [.extended, .fulfilled, .refused]
        case .extended: [.fulfilled, .refused]
        case .fulfilled, .refused: []
        }
    }

    public var isFinal: Bool { next.isEmpty }

    /// Moves that must say why (GDPR Art. 12(3)–(4), PIPL Art. 50).
    var needsReason: Bool { self == .extended || self == .refused }
}
