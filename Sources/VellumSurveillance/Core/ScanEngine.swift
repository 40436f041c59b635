/// Scans text for sensitive values and lexicon terms.
///
/// One pass over the UTF-8 bytes finds candidates for the detectors (see
/// ``Detector``), one Aho–Corasick pass finds lexicon terms; byte offsets are
/// converted to Unicode-scalar offsets only for findings. The engine is an
/// immutable value, cheap to copy and safe to share across tasks.
public struct ScanEngine: Sendable {
    /// Every built-in detector, in dispatch order (the first detector that
    /// validates a candidate wins it, so stronger checks come first: a
    /// resident ID before a card before an SSN before a phone number).
    public static var builtInDetectors: [any Detector] {
        [
            PrivateKeyDetector(),
            AWSAccessKeyDetector(),
            GitHubTokenDetector(),
            EmailDetector(),
            IBANDetector(),
            HKIDDetector(),
            SwiftBICDetector(),
            CNResidentIDDetector(),
            CreditCardDetector(),
            USSSNDetector(),
            PhoneDetector(),
        ]
    }

    private let core: EngineCore

    /// Creates an engine. Defaults: all built-in detectors and the
    /// off-channel cue lexicon. At most 63 detectors.
    public init(detectors: [any Detector] = ScanEngine.builtInDetectors, lexicons: [Lexicon] = [.offChannel]) {
        core = EngineCore(detectors: detectors, lexicons: lexicons)
    }

    /// Ids of the detectors, in dispatch order.
    public var detectorIDs: [String] { core.detectorIDs }
    /// The lexicons.
    public var lexicons: [Lexicon] { core.lexicons.lexicons }

    /// Scans a String; findings are sorted by start offset.
    public func scan(_ text: String) -> [Finding] {
        if let result = text.utf8.withContiguousStorageIfAvailable({ scan(utf8: $0) }) { return result }
        var copy = text
        return copy.withUTF8 { scan(utf8: $0) }
    }

    /// Scans UTF-8 bytes; offsets in the findings count Unicode scalars of
    /// these bytes (ill-formed sequences count one per non-continuation byte).
    public func scan(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [Finding] {
        // Chinese input methods type digits, letters and `@` in full width (４１１１, ｔｏｍ＠…):
        // scan the text with those folded to ASCII, then point the findings back at the original.
        if let (folded, origin) = WidthFolding.fold(bytes) {
            var findings = folded.withUnsafeBufferPointer { scanFolded(utf8: $0) }
            for i in findings.indices {
                findings[i].utf8Range = origin[findings[i].utf8Range.lowerBound] ..< origin[findings[i].utf8Range.upperBound]
            }
            return findings
        }
        return scanFolded(utf8: bytes)
    }

    func scanFolded(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [Finding] {
        let text = ScanText(bytes)
        var pass = CandidatePass(core: core, text: text)
        if !core.detectors.isEmpty { pass.run() }
        let lexiconHits = core.lexicons.isEmpty ? [] : core.lexicons.hits(in: bytes)
        if pass.hits.isEmpty && lexiconHits.isEmpty { return [] }

        var findings: [Finding] = []
        findings.reserveCapacity(pass.hits.count + lexiconHits.count)
        for hit in Self.removingOverlaps(pass.hits) {
            findings.append(Finding(
                detector: core.detectorIDs[hit.detector], start: 0, end: 0, confidence: hit.confidence,
                masked: hit.masked, detail: hit.detail, utf8Range: hit.range
            ))
        }
        let lexicons = core.lexicons.lexicons
        for hit in lexiconHits {
            let entry = lexicons[hit.lexicon].entries[hit.entry]
            findings.append(Finding(
                detector: lexicons[hit.lexicon].detectorID, start: 0, end: 0, confidence: Confidence.lexiconHit,
                masked: entry.term, detail: entry.tag, utf8Range: hit.range
            ))
        }
        findings.sort { ($0.utf8Range.lowerBound, $0.utf8Range.upperBound) < ($1.utf8Range.lowerBound, $1.utf8Range.upperBound) }
        var offsets = ScalarOffsets(bytes)
        for i in findings.indices {
            findings[i].start = offsets.scalarOffset(ofByte: findings[i].utf8Range.lowerBound)
            findings[i].end = findings[i].start
                + ScalarOffsets.count(bytes, findings[i].utf8Range)
        }
        return findings
    }

    /// Detector hits only overlap when a detector looked around its
    /// candidate (an email's local part, an IBAN's later groups): keep the
    /// longer one, then the more confident.
    private static func removingOverlaps(_ hits: [CandidatePass.Hit]) -> [CandidatePass.Hit] {
        guard hits.count > 1 else { return hits }
        let sorted = hits.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var kept: [CandidatePass.Hit] = []
        for hit in sorted {
            if let last = kept.last, hit.range.lowerBound < last.range.upperBound {
                if (hit.range.count, hit.confidence) > (last.range.count, last.confidence) { kept[kept.count - 1] = hit }
                continue
            }
            kept.append(hit)
        }
        return kept
    }
}

/// Converts byte offsets to Unicode-scalar offsets by counting the bytes
/// that start a scalar; moves forward incrementally for sorted queries.
struct ScalarOffsets {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var byte = 0
    private var scalar = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func scalarOffset(ofByte target: Int) -> Int {
        if target < byte {
            byte = 0
            scalar = 0
        }
        scalar += Self.count(bytes, byte..<target)
        byte = target
        return scalar
    }

    static func count(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var n = 0
        for i in range where ASCII.isScalarStart(bytes[i]) { n += 1 }
        return n
    }
}
