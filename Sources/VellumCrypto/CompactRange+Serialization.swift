public import Foundation

extension CompactRange {
    /// The encoding: the 8-byte big-endian ``size`` followed by the ``hashes`` (32 bytes each).
    public func serialized() -> Data {
        var out = Data(capacity: 8 + hashes.count * MerkleTreeMath.hashLength)
        withUnsafeBytes(of: size.bigEndian) { out.append(contentsOf: $0) }
        for hash in hashes {
            out.append(hash)
        }
        return out
    }

    /// Decodes the output of ``serialized()``.
    ///
    /// - Throws: ``MerkleError/Code/invalidSerialization`` if the data is shorter than
    ///   8 bytes or its length does not match `8 + 32 * popcount(size)`.
    public init(serialized: Data) throws {
        let bytes = [UInt8](serialized)
        guard bytes.count >= 8 else {
            throw MerkleError(.invalidSerialization, "compact range needs at least 8 bytes, got \(bytes.count)")
        }
        let size = bytes[0..<8].reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
        let hashLength = MerkleTreeMath.hashLength
        let expected = 8 + size.nonzeroBitCount * hashLength
        guard bytes.count == expected else {
            throw MerkleError(
                .invalidSerialization,
                "compact range of size \(size) must be \(expected) bytes, got \(bytes.count)")
        }
        let hashes = stride(from: 8, to: bytes.count, by: hashLength).map {
            Data(bytes[$0..<($0 + hashLength)])
        }
        try self.init(size: size, hashes: hashes)
    }
}
