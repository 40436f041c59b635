import Foundation

/// Fullwidth ASCII (U+FF01–U+FF5E) and the ideographic space (U+3000) folded to ASCII, as UTF-8
/// bytes. Each folded character stays one Unicode scalar, so scalar offsets are the same in the
/// folded and the original text; byte offsets are mapped back through `origin`.
enum WidthFolding {
    /// The folded bytes and, for every folded byte offset (and the end), the original offset;
    /// nil when nothing could hide a value (the common case: a `memchr` pass).
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> ([UInt8], [Int])? {
        let n = bytes.count
        guard needsFolding(bytes) else { return nil }
        var folded: [UInt8] = []
        var origin: [Int] = []
        folded.reserveCapacity(n)
        origin.reserveCapacity(n + 1)
        var i = 0
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

    /// Whether the text holds a full-width digit, letter or `＠`, or an ideographic space: what can
    /// hide a value from the detectors. Full-width punctuation alone (，：（）, in almost every
    /// Chinese message) is not worth a folded copy. `memchr` finds the candidate lead bytes.
    static func needsFolding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, bytes.count >= 3 else { return false }
        let n = bytes.count
        for lead in [UInt8(0xEF), 0xE3] {
            var from = 0
            while from < n - 2, let hit = memchr(base + from, Int32(lead), n - 2 - from) {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                let b1 = bytes[i + 1], b2 = bytes[i + 2]
                if lead == 0xEF {
                    if b1 == 0xBC, (0x90 ... 0x99).contains(b2) || (0xA0 ... 0xBA).contains(b2) { return true }  // ０-９ ＠ Ａ-Ｚ
                    if b1 == 0xBD, (0x81 ... 0x9A).contains(b2) { return true }  // ａ-ｚ
                } else if b1 == 0x80, b2 == 0x80 {
                    return true  // U+3000
                }
                from = i + 1
            }
        }
        return false
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
