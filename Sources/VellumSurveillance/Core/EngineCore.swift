/// The compiled, immutable part of a ``ScanEngine``: detectors sorted by
/// trigger, the byte-class table of the candidate pass, the context matcher
/// and the lexicon automaton. Shared by all copies of the engine.
final class EngineCore: Sendable {
    struct RunDetector: Sendable {
        var index: Int
        var minimumDigits: Int
    }

    struct LiteralTrigger: Sendable {
        var bytes: [UInt8]
        var detector: Int
        var literalIndex: Int
    }

    /// Candidate-pass byte classes.
    static let classOther: UInt8 = 0
    static let classDigit: UInt8 = 1
    static let classWord: UInt8 = 2
    static let classLiteral: UInt8 = 3

    /// Word-token bits: 1 uppercase, 2 lowercase, 4 digit, 8 underscore.
    static let wordBits: [UInt8] = (0..<256).map { b in
        let b = UInt8(b)
        if ASCII.isUpper(b) { return 1 }
        if ASCII.isLower(b) { return 2 }
        if ASCII.isDigit(b) { return 4 }
        return b == ASCII.underscore ? 8 : 0
    }

    let detectors: [any Detector]
    let detectorIDs: [String]
    let runDetectors: [RunDetector]
    let wordDetectors: [Int]
    let literals: [LiteralTrigger]
    let byteClass: [UInt8]
    let minimumRunDigits: Int
    /// No literal trigger starts with a non-ASCII byte, so the candidate
    /// pass may skip non-ASCII bytes in bulk.
    let nonASCIIIsInert: Bool
    let context: ContextMatcher
    let lexicons: LexiconSet

    init(detectors: [any Detector], lexicons: [Lexicon]) {
        self.detectors = detectors
        detectorIDs = detectors.map(\.id)
        var runs: [RunDetector] = []
        var words: [Int] = []
        var literals: [LiteralTrigger] = []
        for (index, detector) in detectors.enumerated() {
            let triggers = detector.triggers
            if let minimum = triggers.minimumDigits { runs.append(RunDetector(index: index, minimumDigits: max(1, minimum))) }
            if triggers.words { words.append(index) }
            for (literalIndex, literal) in triggers.literals.enumerated() {
                let bytes = Array(literal.utf8)
                precondition(!bytes.isEmpty && !ASCII.isWord(bytes[0]), "literal triggers must start with a non-word byte")
                literals.append(LiteralTrigger(bytes: bytes, detector: index, literalIndex: literalIndex))
            }
        }
        runDetectors = runs
        wordDetectors = words
        self.literals = literals
        minimumRunDigits = runs.map(\.minimumDigits).min() ?? .max
        var classes = [UInt8](repeating: Self.classOther, count: 256)
        for b in 0..<256 {
            let byte = UInt8(b)
            if ASCII.isDigit(byte) {
                classes[b] = Self.classDigit
            } else if ASCII.isWord(byte) {
                classes[b] = Self.classWord
            }
        }
        for literal in literals { classes[Int(literal.bytes[0])] = Self.classLiteral }
        nonASCIIIsInert = literals.allSatisfy { $0.bytes[0] < 0x80 }
        byteClass = classes
        context = ContextMatcher(detectors: detectors)
        self.lexicons = LexiconSet(lexicons)
    }
}
