/// The languages Vellum writes letters, notices and records in.
public enum Language: String, Sendable, Hashable, CaseIterable {
    /// English.
    case en
    /// Simplified Chinese.
    case zh
}

/// A text the policy gives in English and, optionally, Chinese.
///
/// The policy file accepts a plain string (English) or `{en: …, zh: …}`. Chinese documents fall
/// back to the English text where no Chinese was given.
public struct LocalizedText: Sendable, Hashable, ExpressibleByStringLiteral {
    public var en: String
    public var zh: String?

    public init(en: String, zh: String? = nil) {
        self.en = en
        self.zh = zh
    }

    public init(stringLiteral value: String) { self.init(en: value) }

    /// The text in `language`, or the English text when there is none.
    public func text(_ language: Language) -> String {
        switch language {
        case .en: en
        case .zh: zh ?? en
        }
    }
}
