/// An output format of an export.
public enum ExportFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// Relativity Short Message Format 2.0: `rsmf/<conversation>/<conversation>_0001.rsmf`.
    case rsmf
    /// One RFC 5322 message per conversation-day: `eml/<conversation>/<conversation>_<day>.eml`.
    case eml
    /// One self-contained transcript per conversation: `html/<conversation>.html`.
    case html
    /// One row per record: `messages.csv` (RFC 4180).
    case csv
    /// Concordance load file, one row per record: `loadfile.dat`.
    case dat
    /// One JSON object per record: `messages.jsonl`.
    case jsonl
}

/// When an RSMF file is closed and the next slice of the conversation begins.
///
/// Relativity advises at most 10,000 events and 200 MB per RSMF. A message that alone exceeds
/// `maxBytes` gets a slice of its own. Edits, recalls, reactions and statuses fold into their
/// target's event when the target is in the open slice and never start a new slice themselves.
public struct RSMFSliceLimits: Sendable, Hashable {
    /// Most events per file. Default 10,000.
    public var maxEvents: Int
    /// Most bytes per file, estimated conservatively before writing. Default 200,000,000.
    public var maxBytes: Int64
    /// Most calendar days per file (days in the conversation's first offset); nil for no limit.
    public var maxDays: Int?

    public init(maxEvents: Int = 10_000, maxBytes: Int64 = 200_000_000, maxDays: Int? = nil) {
        self.maxEvents = maxEvents
        self.maxBytes = maxBytes
        self.maxDays = maxDays
    }
}

/// How an export is written.
public struct ExportOptions: Sendable {
    /// Formats to write. Default: all.
    public var formats: Set<ExportFormat>
    public var rsmfLimits: RSMFSliceLimits
    /// `X-RSMF-Generator` and the manifest's `generator`.
    public var generator: String
    /// Whether `messages.csv` starts with a UTF-8 byte order mark (Excel needs one to read UTF-8;
    /// RFC 4180 tools may not expect it). Default false.
    public var csvByteOrderMark: Bool

    public init(
        formats: Set<ExportFormat> = Set(ExportFormat.allCases), rsmfLimits: RSMFSliceLimits = RSMFSliceLimits(),
        generator: String = "Vellum Export 1.0", csvByteOrderMark: Bool = false
    ) {
        self.formats = formats
        self.rsmfLimits = rsmfLimits
        self.generator = generator
        self.csvByteOrderMark = csvByteOrderMark
    }

    /// Throws ``ExportError/Code/configuration`` naming the first value out of range.
    public func validate() throws {
        guard !formats.isEmpty else { throw ExportError(.configuration, "formats: at least one format is required") }
        guard rsmfLimits.maxEvents >= 1 else {
            throw ExportError(.configuration, "rsmfLimits.maxEvents: must be at least 1, is \(rsmfLimits.maxEvents)")
        }
        guard rsmfLimits.maxBytes >= 1 else {
            throw ExportError(.configuration, "rsmfLimits.maxBytes: must be at least 1, is \(rsmfLimits.maxBytes)")
        }
        if let days = rsmfLimits.maxDays, days < 1 {
            throw ExportError(.configuration, "rsmfLimits.maxDays: must be at least 1, is \(days)")
        }
        guard !generator.isEmpty, generator.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) else {
            throw ExportError(.configuration, "generator: must be non-empty printable ASCII")
        }
    }
}
