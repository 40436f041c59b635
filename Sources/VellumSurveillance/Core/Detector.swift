/// A validator for one kind of sensitive value.
///
/// Detectors never see raw text in a loop of their own: the engine's single
/// pass over the bytes finds cheap candidates (digit runs, identifier-like
/// words, literal prefixes such as `@` or `-----BEGIN `) and hands each to the
/// detectors whose ``triggers`` ask for it, in the order the engine was given.
/// The first match that survives context resolution wins the candidate.
///
/// Adding a detector is one file: a type conforming to this protocol, then
/// append it to ``ScanEngine/builtInDetectors`` (or pass it to the engine).
public protocol Detector: Sendable {
    /// Stable id reported in ``Finding/detector`` (snake_case).
    var id: String { get }
    /// Which candidates this detector inspects.
    var triggers: DetectorTriggers { get }
    /// Words (English and Chinese) that raise confidence when near a match,
    /// and that matches marked ``DetectorMatch/needsContext`` require.
    var contextWords: [String] { get }

    /// Validates a digit run with at least `triggers.minimumDigits` digits.
    func evaluate(run: DigitRun, in text: ScanText) -> DetectorMatch?
    /// Validates an identifier-like word (when `triggers.words`).
    func evaluate(word: WordToken, in text: ScanText) -> DetectorMatch?
    /// Validates text at `offset`, where `triggers.literals[literalIndex]` starts.
    func evaluate(literalIndex: Int, at offset: Int, in text: ScanText) -> DetectorMatch?
}

extension Detector {
    /// No context words by default.
    public var contextWords: [String] { [] }
    /// Ignores digit runs by default.
    public func evaluate(run: DigitRun, in text: ScanText) -> DetectorMatch? { nil }
    /// Ignores words by default.
    public func evaluate(word: WordToken, in text: ScanText) -> DetectorMatch? { nil }
    /// Ignores literals by default.
    public func evaluate(literalIndex: Int, at offset: Int, in text: ScanText) -> DetectorMatch? { nil }
}

/// The candidates a detector wants to see.
public struct DetectorTriggers: Sendable, Hashable {
    /// Digit runs with at least this many digits; nil for none.
    public var minimumDigits: Int?
    /// Identifier-like words (see ``WordToken``).
    public var words: Bool
    /// ASCII literals that start a candidate. Each must begin with a byte that
    /// is not a letter, digit or `_` (those are covered by ``words``).
    public var literals: [String]

    /// Creates a trigger set.
    public init(minimumDigits: Int? = nil, words: Bool = false, literals: [String] = []) {
        self.minimumDigits = minimumDigits
        self.words = words
        self.literals = literals
    }

    /// Digit runs of at least `minimumDigits` digits.
    public static func digitRuns(minimumDigits: Int) -> Self { Self(minimumDigits: minimumDigits) }
    /// Identifier-like words.
    public static var words: Self { Self(words: true) }
    /// The given literals.
    public static func literals(_ literals: String...) -> Self { Self(literals: literals) }
}

/// What a detector reports for a validated candidate, before the engine
/// applies context (see ``Confidence``).
public struct DetectorMatch: Sendable {
    /// Byte range of the value in the text.
    public var range: Range<Int>
    /// Base confidence, before any context boost.
    public var confidence: Double
    /// Drop the match unless a context word is near.
    public var needsContext: Bool
    /// Drop the match when a reference-number cue is near and no context word is.
    public var negativeContextSuppresses: Bool
    /// The masked display form.
    public var masked: String
    /// Optional label (card brand, country…).
    public var detail: String?

    /// Creates a match.
    public init(
        range: Range<Int>,
        confidence: Double,
        needsContext: Bool = false,
        negativeContextSuppresses: Bool = false,
        masked: String,
        detail: String? = nil
    ) {
        self.range = range
        self.confidence = confidence
        self.needsContext = needsContext
        self.negativeContextSuppresses = negativeContextSuppresses
        self.masked = masked
        self.detail = detail
    }
}
