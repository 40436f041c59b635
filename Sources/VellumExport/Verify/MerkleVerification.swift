import Foundation
import VellumCore

/// RFC 9162 Merkle checks with SHA-256 and domain separation.
enum MerkleVerification {
    private static let leafPrefix = Data([0x00])
    private static let nodePrefix = Data([0x01])

    /// `SHA-256(0x00 ‖ bytes)`.
    static func leafHash(_ bytes: Data) -> Data {
        var h = ExportCrypto.Hasher()
        h.update(leafPrefix)
        h.update(bytes)
        return h.finalize()
    }

    /// `SHA-256(0x01 ‖ left ‖ right)`.
    static func nodeHash(_ left: Data, _ right: Data) -> Data {
        var h = ExportCrypto.Hasher()
        h.update(nodePrefix)
        h.update(left)
        h.update(right)
        return h.finalize()
    }

    /// RFC 9162 §2.1.3.2: whether `path` proves `leafHash` is leaf `index` of the tree of `size`
    /// whose root is `root`.
    static func verifyInclusion(leafHash: Data, index: UInt64, size: UInt64, path: [Data], root: Data) -> Bool {
        guard leafHash.count == 32, root.count == 32, path.allSatisfy({ $0.count == 32 }), index < size else {
            return false
        }
        var fn = index
        var sn = size - 1
        var r = leafHash
        for p in path {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                r = nodeHash(p, r)
                if fn & 1 == 0 {
                    while fn & 1 == 0, fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                r = nodeHash(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && r == root
    }

    /// Whether Vellum's signed tree-head statement (`vellum-tree-head-v1\n` ‖ size ‖ timestamp ‖
    /// root, integers big-endian) states exactly this size, timestamp and root. Other statements
    /// must at least contain the root.
    static func signedBytesBind(_ bytes: Data, size: UInt64, timestamp: Int64, root: Data) -> Bool {
        let prefix = Data("vellum-tree-head-v1\n".utf8)
        guard bytes.starts(with: prefix) else { return bytes.range(of: root) != nil }
        var expected = prefix
        withUnsafeBytes(of: size.bigEndian) { expected.append(contentsOf: $0) }
        withUnsafeBytes(of: timestamp.bigEndian) { expected.append(contentsOf: $0) }
        expected.append(root)
        return bytes == expected
    }
}
