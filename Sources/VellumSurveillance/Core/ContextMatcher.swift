/// Finds context words around a candidate: one automaton over the context
/// words of every detector plus ``ReferenceCues``, each term carrying a bit
/// mask of the detectors it supports (bit 63: reference cue).
///
/// Latin terms must start at a word boundary ("tel" does not fire inside
/// "hotel", "cc" not inside "account"); terms of three letters or fewer must
/// end at one too. It only runs on the window around a validated candidate,
/// never over the whole text.
struct ContextMatcher: Sendable {
    /// Bit set when a reference cue is near.
    static let referenceBit: UInt64 = 1 << 63
    /// Most detectors an engine can hold (one bit each).
    static let maxDetectors = 63

    private let automaton: ByteAutomaton
    private let masks: [UInt64]

    init(detectors: [any Detector]) {
        precondition(detectors.count <= Self.maxDetectors, "at most \(Self.maxDetectors) detectors")
        var maskByTerm: [[UInt8]: UInt64] = [:]
        for (index, detector) in detectors.enumerated() {
            for word in detector.contextWords {
                let folded = TextFolding.fold(word)
                guard !folded.isEmpty else { continue }
                maskByTerm[folded, default: 0] |= 1 << UInt64(index)
            }
        }
        for word in ReferenceCues.words {
            let folded = TextFolding.fold(word)
            guard !folded.isEmpty else { continue }
            maskByTerm[folded, default: 0] |= Self.referenceBit
        }
        let terms = maskByTerm.keys.sorted { $0.lexicographicallyPrecedes($1) }
        masks = terms.map { maskByTerm[$0]! }
        let edges = terms.map { term in
            ByteAutomaton.Boundary(
                left: ASCII.isAlnum(term[0]),
                right: ASCII.isAlnum(term[term.count - 1]) && term.allSatisfy(ASCII.isAlnum) && term.count <= 3
            )
        }
        automaton = ByteAutomaton(terms: terms, boundaries: edges)
    }

    /// OR of the masks of every context word within ``ContextWindow`` of
    /// `range`, plus ``referenceBit`` when a `#` directly precedes it.
    func mask(around range: Range<Int>, in p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var start = range.lowerBound
        var scalars = 0
        while start > 0, scalars < ContextWindow.scalarsBefore {
            start -= 1
            if ASCII.isScalarStart(p[start]) { scalars += 1 }
        }
        var end = range.upperBound
        scalars = 0
        while end < p.count, scalars < ContextWindow.scalarsAfter {
            end += 1
            while end < p.count, !ASCII.isScalarStart(p[end]) { end += 1 }
            scalars += 1
        }
        // Reference cues only count when they label the value: close before it.
        var near = range.lowerBound
        scalars = 0
        while near > start, scalars < ContextWindow.referenceScalarsBefore {
            near -= 1
            if ASCII.isScalarStart(p[near]) { scalars += 1 }
        }
        var result: UInt64 = 0
        automaton.forEachMatch(in: p, range: start..<range.lowerBound) { term, _, termEnd in
            result |= termEnd > near ? masks[term] : masks[term] & ~Self.referenceBit
        }
        automaton.forEachMatch(in: p, range: range.upperBound..<end) { term, _, _ in
            result |= masks[term] & ~Self.referenceBit
        }
        var before = range.lowerBound - 1
        if before >= 0, p[before] == ASCII.space { before -= 1 }
        if before >= 0, p[before] == ASCII.hash { result |= Self.referenceBit }
        return result
    }
}
