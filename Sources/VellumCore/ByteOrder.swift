public import Foundation

extension Data {
    /// Whether these bytes sort before `other`'s: the order of `lexicographicallyPrecedes`, found
    /// by one `memcmp` instead of Data's byte-at-a-time iterator. Keys are sorted this way on the
    /// ingest path (participants and tags per record, scopes and accounts per batch).
    public func bytesPrecede(_ other: Data) -> Bool {
        withUnsafeBytes { a in
            other.withUnsafeBytes { b in
                let shared = Swift.min(a.count, b.count)
                let order = shared == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, shared)
                return order != 0 ? order < 0 : a.count < b.count
            }
        }
    }
}
