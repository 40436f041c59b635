/// An RFC 9162 inclusion proof of one ledger leaf in the tree the export's tree head signs.
public struct InclusionProof: Sendable, Hashable, Codable {
    public var leafIndex: UInt64
    public var treeSize: UInt64
    /// Sibling hashes from the leaf up to the root, lowercase hex.
    public var auditPath: [String]

    public init(leafIndex: UInt64, treeSize: UInt64, auditPath: [String]) {
        self.leafIndex = leafIndex
        self.treeSize = treeSize
        self.auditPath = auditPath
    }

    enum CodingKeys: String, CodingKey {
        case leafIndex = "leaf_index"
        case treeSize = "tree_size"
        case auditPath = "audit_path"
    }
}
