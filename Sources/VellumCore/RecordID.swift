/// The archive's id of one captured record (a message or one of its versions).
///
/// Derived from a keyed hash of the record's ``SourceRef``, so the same message always gets the
/// same id and the id reveals nothing about the source.
public struct RecordID: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: RecordID, b: RecordID) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

/// What a record is to the message it belongs to.
public enum RecordKind: String, Sendable, Hashable, Codable {
    case message, edit, recall, reaction, status
    /// Files of a message downloaded after it was captured (``Revision/media(of:)``).
    case media
}
