/// A dense Aho–Corasick automaton over folded UTF-8 bytes (see
/// ``TextFolding``): one table read per byte, whatever the number of terms.
///
/// Bytes are first mapped to equivalence classes (only bytes that occur in
/// some term get their own class), which keeps the table at
/// `states × classes` entries instead of `states × 256`. Each entry stores the
/// next state's row offset shifted left by one, with the low bit set when that
/// state ends at least one term, so the scan loop tests for output without a
/// second load.
struct ByteAutomaton: Sendable {
    /// Which edges of a term need an ASCII word boundary in the text.
    struct Boundary: Sendable, Hashable {
        var left: Bool
        var right: Bool
    }

    /// Class of each byte as the scan loop sees it. The lead bytes 0xE3 and
    /// 0xEF (which may start a fullwidth form or the ideographic space) map
    /// to a reserved class whose transitions keep the state and set the
    /// output bit, so the one output test per byte also routes them to the
    /// folding slow path.
    private let classOf: [UInt16]
    /// The class 0xE3/0xEF have when they are matched as themselves.
    private let leadClassE3: Int
    private let leadClassEF: Int
    private let classCount: Int
    private let delta: [UInt32]
    private let outputStart: [Int32]
    private let outputs: [Int32]
    /// Length of each term in folded symbols (for finding its start).
    private let symbolLengths: [Int]
    private let boundaries: [Boundary]
    private let spaceClass: Int
    /// True when there are no terms.
    let isEmpty: Bool

    /// Builds the automaton for already-folded terms; `boundaries[i]` says
    /// which ASCII-word edges of term `i` must not touch a letter or digit.
    init(terms: [[UInt8]], boundaries: [Boundary]) {
        precondition(terms.count == boundaries.count)
        isEmpty = terms.isEmpty
        self.boundaries = boundaries
        symbolLengths = terms.map(\.count)

        var classes = [UInt16](repeating: 0, count: 256)
        var next: UInt16 = 1
        for term in terms {
            for b in term where classes[Int(b)] == 0 {
                classes[Int(b)] = next
                next += 1
            }
        }
        // Make sure a space class exists so whitespace runs can self-loop.
        if classes[0x20] == 0 {
            classes[0x20] = next
            next += 1
        }
        let leadClass = Int(next)
        let k = Int(next) + 1
        classCount = k
        spaceClass = Int(classes[0x20])
        for b in 0x41...0x5A { classes[b] = classes[b + 0x20] }
        for b: UInt8 in [0x09, 0x0A, 0x0B, 0x0C, 0x0D] { classes[Int(b)] = classes[0x20] }
        leadClassE3 = Int(classes[0xE3])
        leadClassEF = Int(classes[0xEF])
        var scanClasses = classes
        scanClasses[0xE3] = UInt16(leadClass)
        scanClasses[0xEF] = UInt16(leadClass)
        classOf = scanClasses

        // Trie with dense rows.
        var go: [[Int32]] = [[Int32](repeating: -1, count: k)]
        var own: [[Int32]] = [[]]
        var endsWithSpace: [Bool] = [false]
        for (index, term) in terms.enumerated() {
            var s = 0
            for b in term {
                let c = Int(classes[Int(b)])
                if go[s][c] < 0 {
                    go[s][c] = Int32(go.count)
                    go.append([Int32](repeating: -1, count: k))
                    own.append([])
                    endsWithSpace.append(b == 0x20)
                }
                s = Int(go[s][c])
            }
            own[s].append(Int32(index))
        }

        // Breadth-first failure links, completing the DFA as we go.
        var fail = [Int](repeating: 0, count: go.count)
        var out = own
        var queue: [Int] = []
        for c in 0..<k {
            if go[0][c] < 0 { go[0][c] = 0 } else { queue.append(Int(go[0][c])) }
        }
        var head = 0
        while head < queue.count {
            let s = queue[head]
            head += 1
            out[s] += out[fail[s]]
            for c in 0..<k {
                let t = go[s][c]
                if t >= 0 {
                    fail[Int(t)] = Int(go[fail[s]][c])
                    queue.append(Int(t))
                } else {
                    go[s][c] = go[fail[s]][c]
                }
            }
        }
        // A state reached by a space stays put on more whitespace: that is
        // how runs of spaces collapse without a branch in the scan loop.
        for s in 0..<go.count where endsWithSpace[s] { go[s][spaceClass] = Int32(s) }

        var table = [UInt32](repeating: 0, count: go.count * k)
        for s in 0..<go.count {
            for c in 0..<k {
                let t = c == leadClass ? s : Int(go[s][c])
                table[s * k + c] = UInt32(t * k) << 1 | (c == leadClass || !out[t].isEmpty ? 1 : 0)
            }
        }
        delta = table
        var starts: [Int32] = []
        var flat: [Int32] = []
        for s in 0..<go.count {
            starts.append(Int32(flat.count))
            flat += out[s]
        }
        starts.append(Int32(flat.count))
        outputStart = starts
        outputs = flat
    }

    /// Calls `body(term, start, end)` for every term occurrence in
    /// `range` of `p` whose boundaries hold (byte offsets, end exclusive).
    @inline(__always)
    func forEachMatch(in p: UnsafeBufferPointer<UInt8>, range: Range<Int>, _ body: (Int, Int, Int) -> Void) {
        guard !isEmpty else { return }
        let limit = range.upperBound
        classOf.withUnsafeBufferPointer { cls in
            delta.withUnsafeBufferPointer { table in
                var row = 0
                var i = range.lowerBound
                while i < limit {
                    let b = p[i]
                    let v = table[row &+ Int(cls[Int(b)])]
                    row = Int(v >> 1)
                    i &+= 1
                    guard v & 1 != 0 else { continue }
                    if b == 0xEF || b == 0xE3 {
                        // Slow path: the state was kept; feed the folded
                        // symbol, or the lead byte itself.
                        var c = b == 0xEF ? leadClassEF : leadClassE3
                        if let folded = TextFolding.fullwidthASCII(p, i - 1, limit: limit) {
                            c = Int(cls[Int(folded)])
                            i &+= 2
                        } else if TextFolding.isIdeographicSpace(p, i - 1, limit: limit) {
                            c = spaceClass
                            i &+= 2
                        }
                        let folded = table[row &+ c]
                        row = Int(folded >> 1)
                        if folded & 1 != 0 { report(state: row / classCount, end: i, in: p, body) }
                    } else {
                        report(state: row / classCount, end: i, in: p, body)
                    }
                }
            }
        }
    }

    private func report(state: Int, end: Int, in p: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, Int) -> Void) {
        for o in Int(outputStart[state])..<Int(outputStart[state + 1]) {
            let term = Int(outputs[o])
            let start = Self.start(ofSymbols: symbolLengths[term], endingAt: end, in: p)
            let edges = boundaries[term]
            if edges.left, start > 0, ASCII.isAlnum(p[start - 1]) { continue }
            if edges.right, end < p.count, ASCII.isAlnum(p[end]) { continue }
            body(term, start, end)
        }
    }

    /// Walks back `count` folded symbols from `end`: a fullwidth form is one
    /// symbol of three bytes, a whitespace run one symbol, any other byte one.
    static func start(ofSymbols count: Int, endingAt end: Int, in p: UnsafeBufferPointer<UInt8>) -> Int {
        var pos = end
        var remaining = count
        while remaining > 0, pos > 0 {
            if isWhitespace(endingAt: pos, p) {
                while pos > 0, isWhitespace(endingAt: pos, p) {
                    pos -= TextFolding.isASCIISpace(p[pos - 1]) ? 1 : 3
                }
            } else if pos >= 3, TextFolding.fullwidthASCII(p, pos - 3, limit: pos) != nil {
                pos -= 3
            } else {
                pos -= 1
            }
            remaining -= 1
        }
        return pos
    }

    @inline(__always) private static func isWhitespace(endingAt pos: Int, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        TextFolding.isASCIISpace(p[pos - 1]) || (pos >= 3 && TextFolding.isIdeographicSpace(p, pos - 3, limit: pos))
    }
}
