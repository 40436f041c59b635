public import Foundation
public import VellumCore
public import VellumStore

/// The records a privacy request is about: every stored record in which one of the person's
/// identifiers takes part (sender or recipient).
public struct SubjectLookup: Sendable {
    /// Oldest first (by sent time, then ledger order).
    public var records: [StoredRecord]
    public var ids: [RecordID] { records.map(\.id) }
}

/// Finds a person's records by keyed identifier look-ups only: nothing is decrypted to search.
///
/// Each identifier is read as it would be normalized on every channel (so `+852 9123 4567`,
/// `0085291234567`, `Tom@Example.com` and a WeCom external id all find their records), and an
/// employee id adds that employee's identifiers from the directory.
public struct SubjectFinder: Sendable {
    let archive: Archive
    /// Records fetched per index query; the finder pages until it has every match.
    static let pageSize = 500

    public init(archive: Archive) { self.archive = archive }

    /// The keyed identifiers to look up for `identifiers`, deduplicated and sorted.
    public func identifierKeys(for identifiers: [String]) throws -> [Data] {
        let finder = ParticipantKeys(archive: archive)
        var keys = Set<Data>()
        for identifier in identifiers {
            let trimmed = identifier.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { keys.formUnion(try finder.keys(for: trimmed)) }
        }
        return keys.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Every record in which one of `identifiers` is a participant: not a top-k page, all of them
    /// (paged through the index inside one read transaction).
    public func find(_ identifiers: [String]) throws -> SubjectLookup {
        let keys = try identifierKeys(for: identifiers)
        guard !keys.isEmpty else { return SubjectLookup(records: []) }
        let records: [StoredRecord] = try archive.store.read { tx in
            var out: [StoredRecord] = []
            while true {
                let page = try tx.search(IndexQuery(
                    participantKeys: keys, limit: Self.pageSize, offset: out.count, order: .timeAscending))
                out.append(contentsOf: page.hits)
                if page.hits.count < Self.pageSize || out.count >= page.total { return out }
            }
        }
        return SubjectLookup(records: records)
    }

    /// Whether an opened message has one of `keys` (from ``identifierKeys(for:)``) among its people.
    func matches(_ message: ArchivedMessage, keys: Set<Data>) -> Bool {
        ([message.from] + message.to).contains {
            keys.contains(archive.identifierKey(Identifier.normalize($0.id, channel: message.channel)))
        }
    }
}
