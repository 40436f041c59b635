/// Several lexicons compiled into one automaton, so adding a lexicon adds
/// no pass over the text.
struct LexiconSet: Sendable {
    /// A hit before overlap reduction.
    struct Hit {
        var lexicon: Int
        var entry: Int
        var range: Range<Int>
    }

    let lexicons: [Lexicon]
    private let automaton: ByteAutomaton
    /// Term index → (lexicon, entry).
    private let owners: [(lexicon: Int, entry: Int)]

    init(_ lexicons: [Lexicon]) {
        self.lexicons = lexicons
        var terms: [[UInt8]] = []
        var edges: [ByteAutomaton.Boundary] = []
        var owners: [(Int, Int)] = []
        for (l, lexicon) in lexicons.enumerated() {
            for (e, entry) in lexicon.entries.enumerated() {
                let folded = TextFolding.fold(entry.term)
                guard let first = folded.first, let last = folded.last else { continue }
                terms.append(folded)
                edges.append(.init(left: ASCII.isAlnum(first), right: ASCII.isAlnum(last)))
                owners.append((l, e))
            }
        }
        automaton = ByteAutomaton(terms: terms, boundaries: edges)
        self.owners = owners
    }

    var isEmpty: Bool { automaton.isEmpty }

    /// Non-overlapping hits per lexicon (leftmost, then longest).
    func hits(in p: UnsafeBufferPointer<UInt8>) -> [Hit] {
        var hits: [Hit] = []
        automaton.forEachMatch(in: p, range: 0..<p.count) { term, start, end in
            let owner = owners[term]
            hits.append(Hit(lexicon: owner.lexicon, entry: owner.entry, range: start..<end))
        }
        guard hits.count > 1 else { return hits }
        hits.sort {
            ($0.lexicon, $0.range.lowerBound, -$0.range.count) < ($1.lexicon, $1.range.lowerBound, -$1.range.count)
        }
        var kept: [Hit] = []
        for hit in hits {
            if let last = kept.last, last.lexicon == hit.lexicon, hit.range.lowerBound < last.range.upperBound { continue }
            kept.append(hit)
        }
        return kept
    }
}
