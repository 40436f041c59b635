public import Foundation
#if canImport(Glibc)
    import Glibc
#endif
public import VellumCore
public import VellumCrypto
import VellumStore

/// Appends events to the ledger inside a write transaction and signs the new tree head.
///
/// Every commit ends with a signed tree head, so the head always covers what was acknowledged.
struct LedgerAppender {
    let archive: Archive
    let tx: any ArchiveWriter

    /// An event's bytes with their leaf hash, which can be computed before the transaction (the
    /// ingest pipeline does so while staging, off the archive's one writer).
    struct Leaf: Sendable {
        var payload: Data
        var hash: Data
        init(_ event: LedgerEvent) {
            payload = event.canonicalBytes()
            hash = MerkleHash.leaf(payload)
        }
    }

    /// Appends `events` in order; returns the ledger index of each.
    func append(_ events: [LedgerEvent]) throws -> [UInt64] {
        try append(leaves: events.map(Leaf.init))
    }

    func append(leaves: [Leaf]) throws -> [UInt64] {
        var frontier = try tx.ledgerFrontier()
        let size = try tx.ledgerSize()
        guard frontier.size == size else {
            throw VellumError(
                .integrity,
                "the ledger holds \(size) entries but its latest tree head covers \(frontier.size); run `vellum verify`")
        }
        var entries: [LedgerEntry] = []
        var nodes: [MerkleNode] = []
        entries.reserveCapacity(leaves.count)
        for leaf in leaves {
            entries.append(LedgerEntry(index: frontier.size, payload: leaf.payload, leafHash: leaf.hash))
            nodes.append(contentsOf: frontier.append(leafHash: leaf.hash))
        }
        try tx.appendLedger(entries, nodes: nodes)
        let head = try archive.keys.signing.sign(
            size: frontier.size, root: frontier.root(), timestamp: archive.nowMilliseconds)
        try tx.addTreeHead(head, frontier: frontier)
        return entries.map(\.index)
    }
}

extension Archive {
    /// Mirrors the latest tree head into the checkpoint file (atomically), after a commit.
    /// The latest signed tree head with the key that verifies it (nil before the first commit).
    public func latestCheckpoint() throws -> CheckpointFile? {
        try store.read { try $0.latestTreeHead() }.map { CheckpointFile(head: $0, publicKey: keys.signing.publicKey) }
    }

    public func writeCheckpoint() throws {
        guard let url = checkpoint, let head = try store.read({ try $0.latestTreeHead() }) else { return }
        let doc = CheckpointFile(head: head, publicKey: keys.signing.publicKey)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".tree-head.\(UUID().uuidString).tmp")
        try doc.encoded().write(to: temp)
        guard rename(temp.path, url.path) == 0 else {
            throw VellumError(.storage, "cannot write the checkpoint \(url.path): errno \(errno)")
        }
    }
}

/// The JSON of a tree head as Vellum writes it outside the database (checkpoint, exports).
public struct CheckpointFile: Sendable, Codable, Hashable {
    public var size: UInt64
    public var root: String
    public var timestamp: Int64
    public var signature: String
    public var publicKey: String

    enum CodingKeys: String, CodingKey {
        case size, root, timestamp, signature
        case publicKey = "public_key"
    }

    public init(head: TreeHead, publicKey: Data) {
        size = head.size
        root = head.root.hexString
        timestamp = head.timestamp
        signature = head.signature.hexString
        self.publicKey = publicKey.hexString
    }

    /// Reads a tree head file; nil when it is missing or not a tree head.
    public static func read(from url: URL) -> CheckpointFile? {
        FileManager.default.contents(atPath: url.path).flatMap { try? JSONDecoder().decode(CheckpointFile.self, from: $0) }
    }

    public var head: TreeHead? {
        guard let r = Data(hexString: root), let s = Data(hexString: signature) else { return nil }
        return TreeHead(size: size, root: r, timestamp: timestamp, signature: s)
    }

    public func encoded() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted]
        return try e.encode(self)
    }
}
