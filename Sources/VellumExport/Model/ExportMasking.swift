import VellumCore

/// A replacement of part of a message's text, as the archive's detectors report it.
public struct MaskSpan: Sendable, Hashable {
    /// Start offset in unicode scalars, inclusive.
    public var start: Int
    /// End offset in unicode scalars, exclusive.
    public var end: Int
    /// What the span shows instead (`138****5678`, `[CARD]` …).
    public var masked: String

    public init(start: Int, end: Int, masked: String) {
        self.start = start
        self.end = end
        self.masked = masked
    }
}

/// Whether exported bodies show masked values.
///
/// When masking is on, every body in every format (RSMF bodies and edit texts, EML and HTML
/// transcripts, CSV, DAT and JSON lines) carries the masked text, and `body_sha256` is the digest
/// of the masked body. Attachments, file names and ``ExportMessage/fields`` are exported as they
/// are: the detectors report spans over text only.
public enum ExportMasking: Sendable {
    /// Bodies are exported as captured.
    case off
    /// `spans` gives each record's spans (none for an untouched record); `description` says
    /// which detectors ran, for the manifest.
    case spans(description: String, spans: @Sendable (ExportMessage) -> [MaskSpan])

    /// Masking from a precomputed table of spans per record id.
    public static func table(description: String, _ table: [String: [MaskSpan]]) -> ExportMasking {
        .spans(description: description) { table[$0.recordID.rawValue] ?? [] }
    }

    /// Whether masking is on.
    public var isEnabled: Bool {
        if case .off = self { return false }
        return true
    }

    /// The manifest's description of the masking.
    var summary: String? {
        if case .spans(let description, _) = self { return description }
        return nil
    }

    /// Applies `spans` to `text`. Spans may come in any order; overlapping or out-of-range spans
    /// are a detector bug and throw rather than leave a value unmasked.
    static func apply(_ spans: [MaskSpan], to text: String, record: String) throws -> String {
        guard !spans.isEmpty else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var cursor = 0
        for span in spans.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            guard span.start >= cursor, span.start <= span.end, span.end <= scalars.count else {
                throw ExportError(
                    .masking,
                    "record \(record): mask span [\(span.start),\(span.end)) overlaps or lies outside the text (\(scalars.count) scalars)"
                )
            }
            out.append(contentsOf: scalars[cursor..<span.start])
            out.append(contentsOf: span.masked.unicodeScalars)
            cursor = span.end
        }
        out.append(contentsOf: scalars[cursor...])
        return String(out)
    }
}
