/// A read-only view of the UTF-8 bytes being scanned, handed to detectors.
///
/// It wraps a pointer that is only valid during the `evaluate` call that
/// receives it, so detectors must not store it.
public struct ScanText {
    /// The bytes of the whole text being scanned.
    public let bytes: UnsafeBufferPointer<UInt8>

    /// Wraps a buffer; the engine does this once per scan.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Number of bytes.
    @inline(__always) public var count: Int { bytes.count }

    /// The byte at `offset`, or 0 outside the text so that boundary checks
    /// at either end need no special case.
    @inline(__always) public subscript(offset: Int) -> UInt8 {
        offset >= 0 && offset < bytes.count ? bytes[offset] : 0
    }

    /// Decodes a byte range as a String (only for findings, never per byte).
    public func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// True when the ASCII `literal` occurs at `offset`.
    public func hasLiteral(_ literal: String, at offset: Int) -> Bool {
        var i = offset
        for b in literal.utf8 {
            guard i < bytes.count, bytes[i] == b else { return false }
            i += 1
        }
        return true
    }

    /// First offset in `from..<limit` where the ASCII `literal` starts.
    public func firstIndex(of literal: String, from: Int, limit: Int? = nil) -> Int? {
        let end = min(limit ?? bytes.count, bytes.count)
        let needle = Array(literal.utf8)
        guard let first = needle.first, end - from >= needle.count else { return nil }
        var i = from
        while i + needle.count <= end {
            if bytes[i] == first {
                var k = 1
                while k < needle.count, bytes[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
