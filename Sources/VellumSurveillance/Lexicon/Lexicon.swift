/// A named word list matched in one pass with every other lexicon.
///
/// Matching is case-insensitive for Latin letters, folds fullwidth forms and
/// collapses whitespace (see ``TextFolding``). Terms whose first or last
/// character is an ASCII letter or digit only match at an ASCII word boundary
/// on that side (`signal` does not fire inside `signalling`); CJK edges need
/// none, since Chinese has no spaces. Overlapping hits within one lexicon are
/// reduced to the leftmost, then longest.
///
/// Hits are reported with detector id `lexicon:<name>`, the lexicon's term as
/// ``Finding/masked`` (a term is not secret) and the entry's ``Entry/tag`` as
/// ``Finding/detail``.
public struct Lexicon: Sendable, Hashable {
    /// One term and what it points to.
    public struct Entry: Sendable, Hashable {
        /// The phrase as it should be reported.
        public var term: String
        /// Optional label, e.g. the app an off-channel cue names.
        public var tag: String?

        /// Creates an entry.
        public init(_ term: String, tag: String? = nil) {
            self.term = term
            self.tag = tag
        }
    }

    /// Prefix of lexicon detector ids.
    public static let detectorPrefix = "lexicon:"

    /// Name used in the detector id (snake_case by convention).
    public var name: String
    /// The entries.
    public var entries: [Entry]

    /// Creates a lexicon from entries.
    public init(name: String, entries: [Entry]) {
        self.name = name
        self.entries = entries
    }

    /// Creates a lexicon from plain terms.
    public init(name: String, terms: [String]) {
        self.init(name: name, entries: terms.map { Entry($0) })
    }

    /// `lexicon:<name>`.
    public var detectorID: String { Self.detectorPrefix + name }
}
