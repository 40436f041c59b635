/// A record with the keyed tokens the blind index keeps for it: one item of a batch insert
/// (``ArchiveWriter/insert(_:)``).
public struct IndexedRecord: Sendable, Hashable {
    public var record: StoredRecord
    /// Space-separated keyed tokens, in text order.
    public var indexTokens: String

    public init(_ record: StoredRecord, indexTokens: String) {
        self.record = record
        self.indexTokens = indexTokens
    }
}
