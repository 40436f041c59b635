/// A piece of text to find, kept as typed: case, width and CJK runs are left to the index side.
public enum QueryTerm: Sendable, Hashable {
    /// A bare word (`contract`, `合同付款`, `e-mail`); matched case-insensitively by the index.
    case word(String)
    /// A quoted phrase (`"wire the funds"`, `"合同 付款"`), without its quotes or escapes.
    case phrase(String)
    /// A word typed with a trailing `*` (`allocat*`): the stem, without the `*`.
    case prefix(String)

    /// The text of the word, phrase or stem.
    public var text: String {
        switch self {
        case .word(let text), .phrase(let text), .prefix(let text): text
        }
    }
}
