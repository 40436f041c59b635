/// Turns a stream of normalized scalars (each tagged with its original scalar range) into
/// tokens: words, and CJK unigrams interleaved with bigrams.
///
/// CJK layout, for a run `c0 c1 c2`: `c0, c0c1, c1, c1c2, c2`. A character's unigram and its
/// bigram with the previous character are emitted once the character is complete (a later
/// combining mark could still extend it), which yields exactly that order.
struct TokenAssembler<Sink: TokenSink> {
    var sink: Sink

    /// UTF-8 of the word being built, and its original scalar range.
    private var word: [UInt8] = []
    private var wordLower = 0
    private var wordUpper = 0

    /// UTF-8 of the current (not yet emitted) CJK character plus its marks.
    private var cjk: [UInt8] = []
    private var cjkLower = 0
    private var cjkUpper = 0
    private var hasCJK = false
    /// The previous, already emitted CJK character of the same run.
    private var previousCJK: String?
    private var previousLower = 0

    init(sink: Sink) {
        self.sink = sink
        word.reserveCapacity(64)
        cjk.reserveCapacity(16)
    }

    /// Feeds an ASCII scalar (already known to be normalized apart from letter case).
    @inline(__always)
    mutating func ascii(_ byte: UInt8, lower: Int, upper: Int) {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            appendWordByte(byte, lower: lower, upper: upper)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            appendWordByte(byte | 0x20, lower: lower, upper: upper)
        default:
            separator()
        }
    }

    /// Feeds one normalized scalar of the given kind.
    @inline(__always)
    mutating func scalar(_ scalar: Unicode.Scalar, kind: ScalarKind, lower: Int, upper: Int) {
        switch kind {
        case .word:
            if hasCJK { endCJKRun() }
            if word.isEmpty { wordLower = lower }
            UTF8Encoding.append(scalar, to: &word)
            wordUpper = upper
        case .cjk:
            if !word.isEmpty { endWord() }
            if hasCJK { completeCJK() }
            hasCJK = true
            cjkLower = lower
            cjkUpper = upper
            cjk.removeAll(keepingCapacity: true)
            UTF8Encoding.append(scalar, to: &cjk)
        case .mark:
            if !word.isEmpty {
                UTF8Encoding.append(scalar, to: &word)
                wordUpper = upper
            } else if hasCJK {
                UTF8Encoding.append(scalar, to: &cjk)
                cjkUpper = upper
            }  // else: an isolated mark (after a separator or at the start) is dropped.
        case .ignorable:
            break
        case .separator, .enclosingMark:
            separator()
        }
    }

    /// Ends any word or CJK run in progress.
    @inline(__always)
    mutating func separator() {
        if !word.isEmpty { endWord() }
        if hasCJK { endCJKRun() }
    }

    /// Flushes everything; call once at the end of the text.
    mutating func finish() {
        separator()
    }

    @inline(__always)
    private mutating func appendWordByte(_ byte: UInt8, lower: Int, upper: Int) {
        if hasCJK { endCJKRun() }
        if word.isEmpty { wordLower = lower }
        word.append(byte)
        wordUpper = upper
    }

    private mutating func endWord() {
        sink.emit(String(decoding: word, as: UTF8.self), lower: wordLower, upper: wordUpper)
        word.removeAll(keepingCapacity: true)
    }

    /// Emits the pending CJK character: bigram with the previous one, then its unigram.
    private mutating func completeCJK() {
        let term = String(decoding: cjk, as: UTF8.self)
        if let previous = previousCJK {
            sink.emit(previous + term, lower: previousLower, upper: cjkUpper)
        }
        sink.emit(term, lower: cjkLower, upper: cjkUpper)
        previousCJK = term
        previousLower = cjkLower
        hasCJK = false
    }

    private mutating func endCJKRun() {
        if hasCJK { completeCJK() }
        previousCJK = nil
    }
}
