/// The single pass over the UTF-8 bytes that finds candidates and hands them
/// to detectors. Per byte it does one table read; words are skipped in a
/// tight loop that only ORs a bit table, and nothing is allocated until a
/// detector validates something.
struct CandidatePass {
    /// A validated, context-resolved detector match.
    struct Hit {
        var detector: Int
        var range: Range<Int>
        var confidence: Double
        var masked: String
        var detail: String?
    }

    let core: EngineCore
    let text: ScanText
    var hits: [Hit] = []

    init(core: EngineCore, text: ScanText) {
        self.core = core
        self.text = text
    }

    mutating func run() {
        let p = text.bytes
        let n = p.count
        let dispatchWords = !core.wordDetectors.isEmpty
        let skipNonASCII = core.nonASCIIIsInert
        guard let base = p.baseAddress else { return }
        core.byteClass.withUnsafeBufferPointer { classes in
            EngineCore.wordBits.withUnsafeBufferPointer { bits in
                var i = 0
                while i < n {
                    let b = p[i]
                    let c = classes[Int(b)]
                    if c == EngineCore.classOther {
                        i &+= 1
                        // Chinese text: no candidate starts at a non-ASCII
                        // byte, so skip eight of them at a time.
                        if b >= 0x80, skipNonASCII {
                            while i &+ 8 <= n {
                                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                                if word & 0x8080_8080_8080_8080 != 0x8080_8080_8080_8080 { break }
                                i &+= 8
                            }
                        }
                    } else if c == EngineCore.classDigit {
                        i = digitRun(at: i)
                    } else if c == EngineCore.classWord {
                        var j = i
                        var seen: UInt8 = 0
                        var upper = 0
                        while j < n {
                            let w = bits[Int(p[j])]
                            if w == 0 { break }
                            seen |= w
                            upper &+= Int(w & 1)
                            j &+= 1
                        }
                        // Plain words (no digit, no underscore, < 4 capitals) are prose.
                        if dispatchWords, j - i >= 4, seen & 12 != 0 || upper >= 4 {
                            let token = WordToken(
                                start: i, end: j, uppercaseCount: upper, hasLowercase: seen & 2 != 0,
                                hasDigit: seen & 4 != 0, hasUnderscore: seen & 8 != 0
                            )
                            if let end = dispatch(word: token) { j = max(j, end) }
                        }
                        i = j
                    } else {
                        i = literal(at: i)
                    }
                }
            }
        }
    }

    // MARK: - Candidates

    private mutating func digitRun(at i: Int) -> Int {
        let p = text.bytes
        // Fast path for the common short number ("10", "2024", "3pm"): a
        // first group too short to matter that no separator extends.
        var j = i &+ 1
        while j < p.count, ASCII.isDigit(p[j]) { j &+= 1 }
        if j &- i < core.minimumRunDigits, !extendsRun(from: j) {
            while j < p.count, ASCII.isWord(p[j]) { j &+= 1 }
            return j
        }
        let run = DigitRunParser.parse(p, start: i, limit: p.count, splitAtSpaces: false)
        var next = run.end + (run.trailingX ? 1 : 0)
        let after = text[next]
        let prev = text[i - 1]
        if ASCII.isWord(after) || after == ASCII.at || prev == ASCII.at || (prev == ASCII.dash && ASCII.isLetter(text[i - 2])) {
            // Part of a larger token ("4111abc", "2024-11-29T10", "INV-5685…",
            // an email's local part): not a value on its own.
            while next < p.count, ASCII.isWord(p[next]) { next += 1 }
            return next
        }
        guard run.digitCount >= core.minimumRunDigits, !run.isOverflowing else { return next }
        if let end = dispatch(run: run) { return max(end, next) }
        guard run.groupCount > 1 else { return next }
        return max(next, retrySpacedParts(of: run))
    }

    /// A spaced run that failed as a whole may hold several values side by
    /// side ("2024-11-29 13812345678", "paid 100 4111 1111 1111 1111",
    /// "+86 138 1234 5678 4111111111111111"). From each space gap, try the
    /// longest run of groups that a detector accepts. A part that itself
    /// contains spaces must not border a 4-digit group across a space, so
    /// "4111 1111 1111 1111 2024" is not cut into a card and a leftover.
    private mutating func retrySpacedParts(of run: DigitRun) -> Int {
        let count = run.groupCount
        var hasSpaceGap = false
        for g in 0..<(count - 1) where run.gap(after: g).containsSpace { hasSpaceGap = true }
        guard hasSpaceGap else { return run.end }
        let p = text.bytes
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { starts in
            var pos = run.start
            for g in 0..<count {
                starts[g] = pos
                pos += run.groupLength(g)
                while pos < run.end, !ASCII.isDigit(p[pos]) { pos += 1 }
            }
            func groupEnd(_ g: Int) -> Int { starts[g] + run.groupLength(g) }
            var g = 0
            var resume = run.end
            while g < count {
                var matchedEnd: Int?
                var e = count - 1
                while e >= g, matchedEnd == nil {
                    defer { e -= 1 }
                    guard e == count - 1 || run.gap(after: e).containsSpace, !(g == 0 && e == count - 1) else { continue }
                    var innerSpace = false
                    for k in g..<e where run.gap(after: k).containsSpace { innerSpace = true }
                    if innerSpace {
                        if g > 0, run.groupLength(g - 1) == 4 { continue }
                        if e < count - 1, run.groupLength(e + 1) == 4 { continue }
                    }
                    let part = DigitRunParser.parse(p, start: starts[g], limit: groupEnd(e), splitAtSpaces: false)
                    guard part.digitCount >= core.minimumRunDigits, part.digitCount <= DigitRun.maxDigits else { continue }
                    matchedEnd = dispatch(run: part)
                }
                if let end = matchedEnd {
                    resume = max(resume, end)
                    while g < count, starts[g] < end { g += 1 }
                } else {
                    // Move to the group after the next space gap.
                    g += 1
                    while g < count, !run.gap(after: g - 1).containsSpace { g += 1 }
                }
            }
            return resume
        }
    }

    /// Whether the separators at `j` are followed by another digit group.
    @inline(__always) private func extendsRun(from j: Int) -> Bool {
        var k = j
        while k < text.count, k &- j < 3, DigitRunParser.isSeparator(text[k]) { k &+= 1 }
        return k > j && ASCII.isDigit(text[k])
    }

    private mutating func dispatch(run: DigitRun) -> Int? {
        for candidate in core.runDetectors where run.digitCount >= candidate.minimumDigits {
            if let match = core.detectors[candidate.index].evaluate(run: run, in: text),
               accept(match, detector: candidate.index) {
                return match.range.upperBound
            }
        }
        return nil
    }

    private mutating func dispatch(word: WordToken) -> Int? {
        for index in core.wordDetectors {
            if let match = core.detectors[index].evaluate(word: word, in: text), accept(match, detector: index) {
                return match.range.upperBound
            }
        }
        return nil
    }

    private mutating func literal(at i: Int) -> Int {
        let p = text.bytes
        for trigger in core.literals where trigger.bytes[0] == p[i] {
            guard trigger.bytes.count == 1 || text.hasLiteral(trigger.bytes, at: i) else { continue }
            if let match = core.detectors[trigger.detector].evaluate(literalIndex: trigger.literalIndex, at: i, in: text),
               accept(match, detector: trigger.detector) {
                return max(i + 1, match.range.upperBound)
            }
        }
        return i + 1
    }

    // MARK: - Context

    /// Applies the context rules of ``Confidence`` and records the hit.
    private mutating func accept(_ match: DetectorMatch, detector: Int) -> Bool {
        let mask = core.context.mask(around: match.range, in: text.bytes)
        let positive = mask & (1 << UInt64(detector)) != 0
        let reference = mask & ContextMatcher.referenceBit != 0
        if match.needsContext, !positive { return false }
        if match.negativeContextSuppresses, reference, !positive { return false }
        hits.append(Hit(
            detector: detector,
            range: match.range,
            confidence: Confidence.resolve(base: match.confidence, hasContext: positive),
            masked: match.masked,
            detail: match.detail
        ))
        return true
    }
}

extension ScanText {
    /// Byte-array form of ``hasLiteral(_:at:)`` for the scanner.
    @inline(__always) func hasLiteral(_ literal: [UInt8], at offset: Int) -> Bool {
        guard offset + literal.count <= bytes.count else { return false }
        for k in 0..<literal.count where bytes[offset + k] != literal[k] { return false }
        return true
    }
}
