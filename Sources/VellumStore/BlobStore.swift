public import Foundation

/// Where sealed attachments live: content-addressed by the SHA-256 of the sealed bytes.
///
/// A `put` returns only once the bytes are durable, so a record that names a blob never outlives it.
public protocol BlobStore: Sendable {
    /// Stores sealed bytes; returns their reference (lowercase hex SHA-256). Idempotent.
    func put(_ sealed: Data) throws -> String
    func get(_ ref: String) throws -> Data?
    func delete(_ ref: String) throws
    func allRefs() throws -> [String]
}
