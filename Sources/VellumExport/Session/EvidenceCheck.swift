import Foundation
import VellumCore

/// Checks at export time that the archive handed over evidence that will verify, so a bad proof
/// fails the export instead of producing a folder the verifier rejects.
enum EvidenceCheck {
    /// The tree head's signature and statement; returns the root.
    static func treeHead(_ head: ExportTreeHead) throws -> Data {
        guard let root = HexDecoding.data(head.rootHex), root.count == 32,
            let signature = HexDecoding.data(head.signatureHex),
            let key = HexDecoding.data(head.publicKeyHex)
        else {
            throw ExportError(.integrity, "tree head: root, signature or public key is not valid hex")
        }
        guard ExportCrypto.ed25519IsValid(signature: signature, message: head.signedBytes, publicKey: key) else {
            throw ExportError(.integrity, "tree head: the signature does not verify with the given public key")
        }
        guard
            MerkleVerification.signedBytesBind(head.signedBytes, size: head.size, timestamp: head.timestamp, root: root)
        else {
            throw ExportError(.integrity, "tree head: the signed bytes do not state this size, timestamp and root")
        }
        return root
    }

    /// The record's leaf names it and its commitment, and its proof leads to `root`.
    static func record(_ m: ExportMessage, head: ExportTreeHead, root: Data) throws {
        let proof = m.inclusionProof
        let path = proof.auditPath.compactMap { HexDecoding.data($0) }
        guard proof.treeSize == head.size, path.count == proof.auditPath.count,
            MerkleVerification.verifyInclusion(
                leafHash: MerkleVerification.leafHash(m.ledgerLeaf), index: proof.leafIndex, size: head.size,
                path: path, root: root)
        else {
            throw ExportError(
                .integrity,
                "record \(m.recordID): its inclusion proof (leaf \(proof.leafIndex) of \(proof.treeSize)) does not lead to the tree head's root"
            )
        }
        guard contains(m.ledgerLeaf, fragment("record", m.recordID.rawValue)),
            contains(m.ledgerLeaf, fragment("commitment", m.commitment))
        else {
            throw ExportError(
                .integrity, "record \(m.recordID): its ledger leaf does not name the record and its commitment")
        }
    }

    /// Whether `needle` occurs in `haystack` (leaves are a few hundred bytes: a plain scan).
    private static func contains(_ haystack: Data, _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBytes { (h: UnsafeRawBufferPointer) -> Bool in
            guard let first = needle.first, h.count >= needle.count else { return needle.isEmpty }
            var i = 0
            while i <= h.count - needle.count {
                if h[i] == first {
                    var j = 1
                    while j < needle.count, h[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// `"key":"value"` as canonical JSON writes it.
    private static func fragment(_ key: String, _ value: String) -> [UInt8] {
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }) {
            return Array("\"\(key)\":\"\(value)\"".utf8)
        }
        var w = CanonicalJSON()
        w.object { w in w.field(key, value) }
        return Array(w.bytes.dropFirst().dropLast())
    }
}
