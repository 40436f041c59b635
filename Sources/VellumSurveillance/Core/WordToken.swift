/// A candidate identifier-like token: a maximal run of ASCII letters, digits
/// and `_` that contains a digit, an underscore or at least four capitals
/// (plain lowercase and Capitalised words are never candidates, which is
/// what keeps ordinary prose off the validators).
public struct WordToken: Sendable {
    /// Byte offset of the first character.
    public let start: Int
    /// Byte offset after the last character.
    public let end: Int
    /// How many `A`–`Z` it holds.
    public let uppercaseCount: Int
    /// Whether it holds a lowercase letter.
    public let hasLowercase: Bool
    /// Whether it holds a digit.
    public let hasDigit: Bool
    /// Whether it holds `_`.
    public let hasUnderscore: Bool

    /// Creates a token description (the scanner does this).
    public init(start: Int, end: Int, uppercaseCount: Int, hasLowercase: Bool, hasDigit: Bool, hasUnderscore: Bool) {
        self.start = start
        self.end = end
        self.uppercaseCount = uppercaseCount
        self.hasLowercase = hasLowercase
        self.hasDigit = hasDigit
        self.hasUnderscore = hasUnderscore
    }

    /// Length in bytes (ASCII, so also characters).
    public var length: Int { end - start }
}
