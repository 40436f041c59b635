/// The privacy laws whose request clocks Vellum keeps.
public enum PrivacyLaw: String, Sendable, Hashable, CaseIterable {
    case gdpr
    case ukGdpr = "uk-gdpr"
    case ccpa
    case pipl

    public func text(_ language: Language) -> String {
        switch (language, self) {
        case (.en, .gdpr): "the EU General Data Protection Regulation (GDPR)"
        case (.en, .ukGdpr): "the UK GDPR and the Data Protection Act 2018"
        case (.en, .ccpa): "the California Consumer Privacy Act (CCPA/CPRA)"
        case (.en, .pipl): "the Personal Information Protection Law of the PRC (PIPL)"
        case (.zh, .gdpr): "欧盟《通用数据保护条例》（GDPR）"
        case (.zh, .ukGdpr): "英国GDPR及《2018年数据保护法》"
        case (.zh, .ccpa): "美国《加州消费者隐私法》（CCPA/CPRA）"
        case (.zh, .pipl): "《中华人民共和国个人信息保护法》"
        }
    }
}

/// What a person asks for.
public enum PrivacyRequestKind: String, Sendable, Hashable, CaseIterable {
    /// A copy of their data and the facts about its processing (GDPR Art. 15, CCPA "know", PIPL Art. 45).
    case access
    /// Deletion (GDPR Art. 17, CCPA 1798.105, PIPL Art. 47).
    case erasure
    /// Restriction: stored only, no other use (GDPR Art. 18, PIPL Art. 44/47(2)).
    case restriction
    /// Correction of inaccurate data (GDPR Art. 16, CCPA 1798.106, PIPL Art. 46).
    case correction

    public func text(_ language: Language) -> String {
        switch (language, self) {
        case (.en, _): rawValue
        case (.zh, .access): "查阅复制"
        case (.zh, .erasure): "删除"
        case (.zh, .restriction): "限制处理"
        case (.zh, .correction): "更正"
        }
    }
}
