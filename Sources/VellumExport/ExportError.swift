/// The error type of VellumExport: a code, a human reason and where it was raised.
///
/// Reasons name the record, file or field that was wrong, never message content.
public struct ExportError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What went wrong, for callers that branch on it.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let name: String
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The caller handed the exporter something it cannot write (unsorted, wrong conversation …).
        public static let invalidInput = Code("invalidInput")
        /// A configuration value is out of range.
        public static let configuration = Code("configuration")
        /// The target folder (or its `.partial` twin) already exists.
        public static let alreadyExists = Code("alreadyExists")
        /// Reading or writing a file failed.
        public static let io = Code("io")
        /// Bytes do not match the digest the archive vouched for.
        public static let integrity = Code("integrity")
        /// A mask span does not fit the text it masks.
        public static let masking = Code("masking")
        /// An RSMF file or manifest is malformed (reader side).
        public static let malformedRSMF = Code("malformedRSMF")
        /// An export manifest cannot be read (verifier side).
        public static let malformedManifest = Code("malformedManifest")
        /// The session was used after it finished or was abandoned.
        public static let sessionClosed = Code("sessionClosed")
    }

    /// What went wrong.
    public var code: Code
    /// Why, naming the record, file or field.
    public var reason: String
    public var fileID: String
    public var line: Int

    public init(_ code: Code, _ reason: String, fileID: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.fileID = fileID
        self.line = line
    }

    public var description: String { "\(code): \(reason)" }

    public static func == (lhs: ExportError, rhs: ExportError) -> Bool {
        lhs.code == rhs.code && lhs.reason == rhs.reason
    }
}
