/// Fullwidth ASCII (U+FF01–U+FF5E) and the ideographic space (U+3000) folded to ASCII, as UTF-8
/// bytes. Each folded character stays one Unicode scalar, so scalar offsets are the same in the
/// folded and the original text; byte offsets are mapped back through `origin`.
enum WidthFolding {
    /// The folded bytes and, for every folded byte offset (and the end), the original offset;
    /// nil when the text has nothing to fold (the common case costs one pass over the bytes).
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> ([UInt8], [Int])? {
        let n = bytes.count
        var i = 0
        var found = false
        while i + 2 < n {
            if let _ = ascii(bytes, i) { found = true; break }
            i += 1
        }
        guard found else { return nil }
        var folded: [UInt8] = []
        var origin: [Int] = []
        folded.reserveCapacity(n)
        origin.reserveCapacity(n + 1)
        i = 0
        while i < n {
            if i + 2 < n, let a = ascii(bytes, i) {
                folded.append(a)
                origin.append(i)
                i += 3
            } else {
                folded.append(bytes[i])
                origin.append(i)
                i += 1
            }
        }
        origin.append(n)
        return (folded, origin)
    }

    /// The ASCII byte of a fullwidth form or ideographic space starting at `i`.
    @inline(__always)
    static func ascii(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt8? {
        let b0 = b[i]
        if b0 == 0xEF {
            let b1 = b[i + 1], b2 = b[i + 2]
            if b1 == 0xBC, (0x81 ... 0xBF).contains(b2) { return b2 - 0x81 + 0x21 }  // U+FF01…U+FF3F → ! … _
            if b1 == 0xBD, (0x80 ... 0x9E).contains(b2) { return b2 - 0x80 + 0x60 }  // U+FF40…U+FF5E → ` … ~
        } else if b0 == 0xE3, b[i + 1] == 0x80, b[i + 2] == 0x80 {
            return 0x20  // U+3000 ideographic space
        }
        return nil
    }
}
