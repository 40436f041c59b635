public import Foundation
import VellumCore
import VellumCrypto
public import VellumStore

/// The behaviour every ``BlobStore`` must show.
public enum BlobStoreConformance {
    public static let cases: [String: @Sendable (any BlobStore) throws -> Void] = [
        "put returns the SHA-256 of the bytes and get returns them": { blobs in
            let data = Data("sealed bytes".utf8)
            let ref = try blobs.put(data)
            try check(ref == Digest.sha256(data).hexString, "ref is the hex SHA-256")
            try check(try blobs.get(ref) == data, "get returns the bytes")
        },
        "put is idempotent and delete removes": { blobs in
            let ref = try blobs.put(Data([1, 2, 3]))
            try check(try blobs.put(Data([1, 2, 3])) == ref, "same bytes, same ref")
            try check(try blobs.allRefs() == [ref], "one blob listed")
            try blobs.delete(ref)
            try check(try blobs.get(ref) == nil, "deleted blob is gone")
            try check(try blobs.allRefs().isEmpty, "nothing listed")
            try blobs.delete(ref)
        },
        "an unknown ref reads as nil": { blobs in
            try check(try blobs.get(String(repeating: "0", count: 64)) == nil, "nil for unknown")
        },
    ]
}
