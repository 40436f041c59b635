/// Turns a stream of normalized scalars (each tagged with its original scalar range) into
/// tokens: words, and CJK unigrams interleaved with bigrams.
///
/// CJK layout, for a run `c0 c1 c2`: `c0, c0c1, c1, c1c2, c2`. A character's bigram with the
/// previous character and then its unigram are emitted once the character is complete (a
/// later combining mark could still extend it), which yields exactly that order.
struct TokenAssembler<Sink: TokenSink> {
    private enum Mode {
        case idle
        /// `bytes` holds the word so far.
        case word
        /// `bytes` holds the previous CJK character of the run (`previousLength` bytes,
        /// possibly 0) followed by the current, not yet emitted one.
        case cjk
    }

    var sink: Sink
    private var bytes: TokenByteBuffer
    private var mode = Mode.idle
    private var lower = 0
    private var upper = 0
    private var previousLength = 0
    private var previousLower = 0

    init(sink: Sink, scratch: TokenByteBuffer) {
        self.sink = sink
        bytes = scratch
    }

    /// Feeds an ASCII scalar (normalized apart from letter case).
    @inline(__always)
    mutating func ascii(_ byte: UInt8, lower: Int, upper: Int) {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            wordByte(byte, lower: lower, upper: upper)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            wordByte(byte | 0x20, lower: lower, upper: upper)
        default:
            separator()
        }
    }

    /// Feeds one normalized non-ASCII scalar of the given kind.
    @inline(__always)
    mutating func scalar(_ scalar: Unicode.Scalar, kind: TokenScalarKind, lower: Int, upper: Int) {
        switch kind {
        case .word:
            startWord(lower: lower)
            bytes.append(scalar)
            self.upper = upper
        case .cjk:
            switch mode {
            case .word: endWord()
            case .cjk: completeCJK()
            case .idle: break
            }
            mode = .cjk
            self.lower = lower
            self.upper = upper
            bytes.append(scalar)
        case .mark:
            // Extends the word or CJK character in progress; an isolated mark is dropped.
            if mode != .idle {
                bytes.append(scalar)
                self.upper = upper
            }
        case .ignorable:
            break
        case .separator, .enclosingMark:
            separator()
        }
    }

    /// Ends any word or CJK run in progress.
    @inline(__always)
    mutating func separator() {
        switch mode {
        case .idle: return
        case .word: endWord()
        case .cjk: endCJKRun()
        }
    }

    /// Flushes the last token; call once at the end of the text. Returns the sink.
    mutating func finish() -> Sink {
        separator()
        bytes.release()
        return sink
    }

    @inline(__always)
    private mutating func wordByte(_ byte: UInt8, lower: Int, upper: Int) {
        startWord(lower: lower)
        bytes.append(byte)
        self.upper = upper
    }

    @inline(__always)
    private mutating func startWord(lower: Int) {
        guard mode != .word else { return }
        if mode == .cjk { endCJKRun() }
        mode = .word
        self.lower = lower
    }

    private mutating func endWord() {
        sink.emit(bytes.string(0..<bytes.count), lower: lower, upper: upper)
        bytes.removeAll()
        mode = .idle
    }

    /// Emits the pending CJK character (bigram with the previous one, then its unigram) and
    /// makes it the previous character.
    private mutating func completeCJK() {
        if previousLength > 0 {
            sink.emit(bytes.string(0..<bytes.count), lower: previousLower, upper: upper)
        }
        sink.emit(bytes.string(previousLength..<bytes.count), lower: lower, upper: upper)
        bytes.keepTail(from: previousLength)
        previousLength = bytes.count
        previousLower = lower
    }

    private mutating func endCJKRun() {
        completeCJK()
        bytes.removeAll()
        previousLength = 0
        mode = .idle
    }
}
