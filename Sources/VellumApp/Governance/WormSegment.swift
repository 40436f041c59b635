import Foundation
import VellumCore
import VellumCrypto
import VellumStore

/// The sealed records of one commit, as the bucket keeps them under Object Lock: the record
/// itself in non-rewriteable, non-erasable storage (SEC 17a-4(f)), beside the database copy that
/// serves reads and searches.
///
/// JSON lines: a header, then one line per record with every stored field except the record's
/// wrapped key. That key stays only in the database, so destroying it (disposition, erasure) still
/// shreds the record although the bucket must keep its sealed bytes until the lock ends.
struct WormSegment: Equatable {
    static let format = "vellum-worm-segment-1"
    static let prefix = "segments/"

    struct Header: Codable, Equatable {
        var format: String
        var first: UInt64
        var last: UInt64
        var count: Int
    }

    struct Record: Codable, Equatable {
        var ledger_index: UInt64
        var id: String
        var source_key: Data
        var channel: String
        var kind: String
        var target_key: Data?
        var conversation_key: Data
        var sender_key: Data
        var sent_at: Int64
        var captured_at: Int64
        var scope: Data
        var body: Data
        var commitment: Data
        var blob_refs: [String]

        init(_ r: StoredRecord) {
            ledger_index = r.ledgerIndex
            id = r.id.rawValue
            source_key = r.sourceKey
            channel = r.channel.rawValue
            kind = r.kind.rawValue
            target_key = r.targetKey
            conversation_key = r.conversationKey
            sender_key = r.senderKey
            sent_at = r.sentAt
            captured_at = r.capturedAt
            scope = r.scope
            body = r.body
            commitment = r.commitment
            blob_refs = r.blobRefs
        }

        /// Whether the database's row still holds what the bucket locked.
        func matches(_ r: StoredRecord) -> Bool { self == Record(r) }
    }

    var records: [Record]

    /// Records in ledger order; at least one.
    init(_ records: [StoredRecord]) {
        self.records = records.map(Record.init).sorted { $0.ledger_index < $1.ledger_index }
    }

    init(records: [Record]) { self.records = records }

    var first: UInt64 { records.first?.ledger_index ?? 0 }
    var last: UInt64 { records.last?.ledger_index ?? 0 }

    func encoded() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        var out = try e.encode(Header(format: Self.format, first: first, last: last, count: records.count))
        for r in records {
            out.append(0x0A)
            out.append(try e.encode(r))
        }
        out.append(0x0A)
        return out
    }

    /// `segments/<first>-<last>.<digest>.jsonl`: the ledger range it covers (commits are serialized,
    /// so ranges never overlap) and a digest of the bytes, so a name never stands for two contents.
    static func name(first: UInt64, last: UInt64, bytes: Data) -> String {
        prefix + String(format: "%012llu-%012llu", first, last) + "." + Digest.sha256(bytes).hexString.prefix(16) + ".jsonl"
    }

    /// The ledger range a segment name covers; nil for other names.
    static func range(of name: String) -> ClosedRange<UInt64>? {
        guard name.hasPrefix(prefix) else { return nil }
        let parts = name.dropFirst(prefix.count).prefix { $0 != "." }.split(separator: "-")
        guard parts.count == 2, let a = UInt64(parts[0]), let b = UInt64(parts[1]), a <= b else { return nil }
        return a ... b
    }

    static func decode(_ data: Data, name: String) throws -> WormSegment {
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: true)
        let d = JSONDecoder()
        guard let first = lines.first, let header = try? d.decode(Header.self, from: Data(first)), header.format == format else {
            throw VellumError(.integrity, "\(name): not a \(format) object")
        }
        let records = try lines.dropFirst().enumerated().map { i, line in
            do {
                return try d.decode(Record.self, from: Data(line))
            } catch {
                throw VellumError(.integrity, "\(name): line \(i + 2) is not a sealed record")
            }
        }
        guard records.count == header.count else {
            throw VellumError(.integrity, "\(name): holds \(records.count) records, its header says \(header.count)")
        }
        return WormSegment(records: records)
    }
}
