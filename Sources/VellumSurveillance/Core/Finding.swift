/// One sensitive span found in a piece of text.
///
/// Offsets are in **Unicode scalars** because that is what the `vellum scan`
/// output promises to consumers in other languages (they are Python `str`
/// indices, and independent of any grapheme segmentation); ``utf8Range``
/// keeps the byte offsets for Swift callers that slice the UTF-8 directly.
public struct Finding: Sendable, Hashable {
    /// Stable id of what produced the finding: a detector id such as
    /// `credit_card`, or `lexicon:<lexicon-name>` for lexicon hits.
    public var detector: String
    /// Start offset, in Unicode scalars from the start of the text.
    public var start: Int
    /// End offset (exclusive), in Unicode scalars.
    public var end: Int
    /// How sure the engine is, in `0...1`; see ``Confidence``.
    public var confidence: Double
    /// A display form that never contains the full value (for lexicon hits,
    /// the lexicon term itself, which is not secret).
    public var masked: String
    /// Optional label: card brand, IBAN country, phone form, or the app an
    /// off-channel cue points to.
    public var detail: String?
    /// The same span as byte offsets into the text's UTF-8.
    public var utf8Range: Range<Int>

    /// Creates a finding; the engine is the usual producer.
    public init(
        detector: String,
        start: Int,
        end: Int,
        confidence: Double,
        masked: String,
        detail: String? = nil,
        utf8Range: Range<Int>
    ) {
        self.detector = detector
        self.start = start
        self.end = end
        self.confidence = confidence
        self.masked = masked
        self.detail = detail
        self.utf8Range = utf8Range
    }

    /// True for hits of a lexicon rather than a structural detector.
    public var isLexiconHit: Bool { detector.hasPrefix(Lexicon.detectorPrefix) }
}
