public import Foundation
import Synchronization
import VellumCrypto
import VellumCore

/// A ``BlobStore`` in memory, for tests and tools.
public final class InMemoryBlobStore: BlobStore {
    let blobs = Mutex<[String: Data]>([:])

    public init() {}

    public func put(_ sealed: Data) throws -> String {
        let ref = Digest.sha256(sealed).hexString
        blobs.withLock { $0[ref] = sealed }
        return ref
    }

    public func get(_ ref: String) throws -> Data? { blobs.withLock { $0[ref] } }
    public func delete(_ ref: String) throws { _ = blobs.withLock { $0.removeValue(forKey: ref) } }
    public func allRefs() throws -> [String] { blobs.withLock { $0.keys.sorted() } }

    /// Replaces a blob's bytes without changing its reference: for tamper tests.
    public func corrupt(_ ref: String, with bytes: Data) { blobs.withLock { $0[ref] = bytes } }
}
