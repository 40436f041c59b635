public import Foundation

/// The archive's id of one captured record (a message or one of its versions).
///
/// Derived from the record's source key (a keyed hash of its ``SourceRef``), so the same message
/// always gets the same id and the id reveals nothing about the source. Stores rely on the
/// derivation: the embedded store finds a record by id through its source-key index instead of
/// keeping a second random-keyed index (decision 0021).
public struct RecordID: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Bytes of the source key an id shows.
    public static let sourceKeyPrefixLength = 10

    /// The id of the record whose source key is `sourceKey`: `m` and the key's first ten bytes in
    /// lowercase hexadecimal.
    public init(sourceKey: Data) {
        rawValue = "m" + sourceKey.prefix(Self.sourceKeyPrefixLength).hexString
    }

    /// The leading bytes of the source key this id was derived from; nil when the id is not of
    /// the derived form (so no record can have it).
    public var sourceKeyPrefix: Data? {
        guard rawValue.utf8.first == UInt8(ascii: "m"), rawValue.utf8.count > 1,
              rawValue.utf8.count <= 1 + 2 * Self.sourceKeyPrefixLength,
              let bytes = Data(hexString: String(rawValue.dropFirst())),
              RecordID(sourceKey: bytes) == self  // lowercase only, as derived
        else { return nil }
        return bytes
    }
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
