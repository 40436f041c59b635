import VellumSearch

/// A tokenizer example: `text` must produce exactly `terms`.
struct TermCase: Sendable, CustomStringConvertible {
    let text: String
    let terms: [String]
    let note: String

    init(_ note: String, _ text: String, _ terms: [String]) {
        self.note = note
        self.text = text
        self.terms = terms
    }

    var description: String { note }
}

/// Deterministic pseudo-random numbers (SplitMix64) so property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Terms of `text` with a default tokenizer.
func terms(_ text: String) -> [String] {
    Tokenizer().terms(in: text)
}

/// Whether `needle` occurs as a run of consecutive elements of `haystack`.
func containsRun(_ needle: [String], in haystack: [String]) -> Bool {
    guard !needle.isEmpty else { return true }
    guard needle.count <= haystack.count else { return false }
    return (0...(haystack.count - needle.count)).contains { start in
        haystack[start..<(start + needle.count)].elementsEqual(needle)
    }
}

/// The substring of `text` covering scalar offsets `range`.
func slice(_ text: String, _ range: Range<Int>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: Array(text.unicodeScalars)[range])
    return String(view)
}
