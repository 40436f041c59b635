/// One normalized token produced by ``Tokenizer``.
///
/// `term` is what gets keyed and indexed; `scalarRange` says where the token came from in the
/// *original* (unnormalized) text, counted in Unicode scalars, so callers can highlight or cut
/// the original text without re-running normalization.
public struct TextToken: Sendable, Hashable {
    /// The normalized token text (NFKC, case folded). Never empty.
    public var term: String
    /// The half-open range of Unicode scalar offsets in the original text that produced `term`.
    ///
    /// When normalization expands or merges characters (a ligature, a full-width letter, a
    /// base letter plus combining marks), the range covers the whole original chunk that was
    /// normalized together, so it always starts and ends on original scalar boundaries.
    public var scalarRange: Range<Int>

    /// Creates a token from a normalized term and its origin in the original text.
    public init(term: String, scalarRange: Range<Int>) {
        self.term = term
        self.scalarRange = scalarRange
    }
}
