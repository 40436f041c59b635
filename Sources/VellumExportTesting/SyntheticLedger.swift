import Crypto
public import Foundation
import VellumCore
public import VellumExport

/// An in-memory ledger for tests and benchmarks: RFC 9162 tree, audit paths, and tree heads
/// signed with a throwaway Ed25519 key in Vellum's `vellum-tree-head-v1` statement.
public final class SyntheticLedger {
    private var leafHashes: [Data] = []
    private var levels: [[Data]] = []
    private let key: Curve25519.Signing.PrivateKey

    public init() {
        key = Curve25519.Signing.PrivateKey()
    }

    /// The raw public key, lowercase hex.
    public var publicKeyHex: String { key.publicKey.rawRepresentation.hexString }

    public var size: UInt64 { UInt64(leafHashes.count) }

    /// The canonical capture leaf Vellum's ledger writes for a record.
    public static func captureLeaf(record: String, commitment: String, kind: String, at: Int64) -> Data {
        var w = CanonicalJSON()
        w.object { w in
            w.field("at", at)
            w.field("commitment", commitment)
            w.field("kind", kind)
            w.field("record", record)
            w.field("type", "capture")
        }
        return w.data
    }

    /// A commitment-looking digest for synthetic records.
    public static func commitment(_ text: String) -> String {
        Data(SHA256.hash(data: Data(text.utf8))).hexString
    }

    /// Appends leaf bytes; returns the leaf index.
    @discardableResult
    public func append(_ leaf: Data) -> UInt64 {
        var h = SHA256()
        h.update(data: Data([0]))
        h.update(data: leaf)
        leafHashes.append(Data(h.finalize()))
        return UInt64(leafHashes.count - 1)
    }

    /// Builds the tree and signs its head at `timestamp` (milliseconds).
    public func seal(timestamp: Int64) -> ExportTreeHead {
        levels = [leafHashes]
        while let last = levels.last, last.count > 1 {
            var next: [Data] = []
            next.reserveCapacity((last.count + 1) / 2)
            var i = 0
            while i < last.count {
                if i + 1 < last.count {
                    var h = SHA256()
                    h.update(data: Data([1]))
                    h.update(data: last[i])
                    h.update(data: last[i + 1])
                    next.append(Data(h.finalize()))
                } else {
                    next.append(last[i])  // promoted: same tree as RFC 9162's largest-power-of-two split
                }
                i += 2
            }
            levels.append(next)
        }
        let root = levels.last?.first ?? Data(SHA256.hash(data: Data()))
        let signed = Self.signedBytes(size: size, root: root, timestamp: timestamp)
        let signature = try! key.signature(for: signed)  // signing with an in-memory key does not fail
        return ExportTreeHead(
            size: size, rootHex: root.hexString, timestamp: timestamp, signatureHex: signature.hexString,
            publicKeyHex: publicKeyHex, signedBytes: signed)
    }

    /// The audit path of leaf `index` in the sealed tree.
    public func proof(_ index: UInt64) -> InclusionProof {
        var path: [String] = []
        var i = Int(index)
        for level in levels.dropLast() {
            let sibling = i ^ 1
            if sibling < level.count { path.append(level[sibling].hexString) }
            i >>= 1
        }
        return InclusionProof(leafIndex: index, treeSize: size, auditPath: path)
    }

    /// Vellum's tree-head statement.
    public static func signedBytes(size: UInt64, root: Data, timestamp: Int64) -> Data {
        var out = Data("vellum-tree-head-v1\n".utf8)
        withUnsafeBytes(of: size.bigEndian) { out.append(contentsOf: $0) }
        withUnsafeBytes(of: timestamp.bigEndian) { out.append(contentsOf: $0) }
        out.append(root)
        return out
    }

    /// Gives every message (in order) a capture leaf and then, after sealing, its proof; appends
    /// `otherLeaves` unrelated leaves so the tree is not just the export. Returns the tree head.
    public func seal(_ conversations: inout [[ExportMessage]], otherLeaves: Int = 3, timestamp: Int64) -> ExportTreeHead
    {
        for c in conversations.indices {
            for m in conversations[c].indices {
                let msg = conversations[c][m]
                let leaf = Self.captureLeaf(
                    record: msg.recordID.rawValue, commitment: msg.commitment, kind: msg.kind.rawValue,
                    at: msg.sentAt.epochMilliseconds)
                conversations[c][m].ledgerLeaf = leaf
                conversations[c][m].inclusionProof = InclusionProof(leafIndex: append(leaf), treeSize: 0, auditPath: [])
            }
        }
        for i in 0..<otherLeaves { append(Data("{\"at\":\(i),\"type\":\"access\"}".utf8)) }
        let head = seal(timestamp: timestamp)
        for c in conversations.indices {
            for m in conversations[c].indices {
                conversations[c][m].inclusionProof = proof(conversations[c][m].inclusionProof.leafIndex)
            }
        }
        return head
    }
}
