import Foundation
import Testing
import VellumCrypto

/// Known-answer vectors for the 8-leaf reference tree of Certificate Transparency.
///
/// Sources (identical values in both):
/// - https://github.com/google/certificate-transparency `cpp/merkletree/merkle_tree_test.cc`
///   (commit 0e901cacd1388fa16f78b184612f6cd16e5ceec1): `kInputs`, `kSHA256EmptyTreeHash`,
///   `kSHA256Roots`, `kSHA256Paths`, `kSHA256Proofs`. That file numbers leaves from 1
///   (`{leaf, snapshot}`); below they are 0-based.
/// - https://github.com/transparency-dev/merkle `testonly/constants.go`
///   (commit 582a6ad190b6848f1d26f8bf08ddef29955d9db1): `LeafInputs`, `NodeHashes`,
///   `RootHashes`, `CompactTrees`; and `proof/verify_test.go`
///   (commit 02194e9afb6c1d95b5381350007963aa70fff472): `inclusionProofs`, `consistencyProofs`
///   (the latter adds the 6 -> 7 consistency proof).
enum MerkleReferenceVectors {
    /// The 8 leaf inputs (hex).
    static let leafInputs: [Data] = [
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    ].map { Data(merkleHex: $0) }

    /// `SHA-256("")`, the root of the empty tree.
    static let emptyRoot = Data(merkleHex: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")

    /// `roots[n - 1]` is the root of the tree over the first `n` leaves (`kSHA256Roots`).
    static let roots: [Data] = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ].map { Data(merkleHex: $0) }

    /// `nodeHashes[level][index]` for every perfect subtree of the 8-leaf tree
    /// (transparency-dev/merkle `testonly.NodeHashes`).
    static let nodeHashes: [[Data]] = [
        [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
        ],
        [
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        ],
        [
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
        ["5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"],
    ].map { $0.map { Data(merkleHex: $0) } }

    /// `compactRanges[n]` are the compact-range hashes after `n` leaves as
    /// `(level, index)` into ``nodeHashes`` (transparency-dev/merkle `testonly.CompactTrees`).
    static let compactRanges: [[(level: Int, index: Int)]] = [
        [],
        [(0, 0)],
        [(1, 0)],
        [(1, 0), (0, 2)],
        [(2, 0)],
        [(2, 0), (0, 4)],
        [(2, 0), (1, 2)],
        [(2, 0), (1, 2), (0, 6)],
        [(3, 0)],
    ]

    /// A reference inclusion proof (0-based leaf index).
    struct Inclusion: Sendable, CustomTestStringConvertible {
        var leafIndex: UInt64
        var treeSize: UInt64
        var proof: [Data]
        var testDescription: String { "leaf \(leafIndex) of \(treeSize)" }
    }

    /// `kSHA256Paths` (entries 1...5; entry 0 is the invalid `{0, 0}`), 0-based.
    static let inclusionProofs: [Inclusion] = [
        Inclusion(leafIndex: 0, treeSize: 1, proof: []),
        Inclusion(leafIndex: 0, treeSize: 8, proof: hexes(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
        Inclusion(leafIndex: 5, treeSize: 8, proof: hexes(
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
        Inclusion(leafIndex: 2, treeSize: 3, proof: hexes(
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
        Inclusion(leafIndex: 1, treeSize: 5, proof: hexes(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
    ]

    /// A reference consistency proof.
    struct Consistency: Sendable, CustomTestStringConvertible {
        var oldSize: UInt64
        var newSize: UInt64
        var proof: [Data]
        var testDescription: String { "\(oldSize) -> \(newSize)" }
    }

    /// `kSHA256Proofs` plus the 6 -> 7 proof from transparency-dev/merkle `consistencyProofs`.
    static let consistencyProofs: [Consistency] = [
        Consistency(oldSize: 1, newSize: 1, proof: []),
        Consistency(oldSize: 1, newSize: 8, proof: hexes(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
        Consistency(oldSize: 6, newSize: 8, proof: hexes(
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
        Consistency(oldSize: 2, newSize: 5, proof: hexes(
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
        Consistency(oldSize: 6, newSize: 7, proof: hexes(
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
    ]

    /// Leaf hashes of the reference inputs.
    static var leafHashes: [Data] { leafInputs.map { MerkleHash.leaf($0) } }

    /// The root of a tree of `size` reference leaves, 0...8.
    static func root(size: UInt64) -> Data {
        size == 0 ? emptyRoot : roots[Int(size) - 1]
    }

    private static func hexes(_ strings: String...) -> [Data] {
        strings.map { Data(merkleHex: $0) }
    }
}
