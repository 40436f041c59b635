import Foundation
import VellumStore

/// Blobs of removed records that the storage refused to delete because their lock had not ended.
///
/// Their records are gone and their keys destroyed, so the bytes are unreadable; the list only
/// makes sure the storage is emptied once it allows. Kept in the archive's metadata (references
/// are digests of ciphertext, not content) and changed inside write transactions, so concurrent
/// removers never lose each other's entries.
struct DeferredBlobDeletions {
    let archive: Archive
    static let metaKey = "blob-deletions-deferred"

    func add(_ refs: [String]) throws {
        guard !refs.isEmpty else { return }
        try archive.store.write { tx in
            try tx.setMeta(Self.metaKey, Self.encode(Set(try Self.decode(tx.meta(Self.metaKey))).union(refs)))
        }
    }

    func pending() throws -> [String] { try archive.store.read { try Self.decode($0.meta(Self.metaKey)) } }

    /// Deletes every listed blob the storage now allows to go; returns (deleted, still waiting).
    func retry() throws -> (deleted: Int, waiting: Int) {
        let refs = try pending()
        guard !refs.isEmpty else { return (0, 0) }
        var gone: Set<String> = []
        for ref in refs {
            do {
                try archive.blobs.delete(ref)
                gone.insert(ref)
            } catch is BlobLockedError {
                continue
            }
        }
        if !gone.isEmpty {
            try archive.store.write { tx in
                try tx.setMeta(Self.metaKey, Self.encode(Set(try Self.decode(tx.meta(Self.metaKey))).subtracting(gone)))
            }
        }
        return (gone.count, refs.count - gone.count)
    }

    static func decode(_ data: Data?) throws -> [String] {
        guard let data, !data.isEmpty else { return [] }
        return try JSONDecoder().decode([String].self, from: data)
    }

    static func encode(_ refs: Set<String>) throws -> Data { try JSONEncoder().encode(refs.sorted()) }
}
