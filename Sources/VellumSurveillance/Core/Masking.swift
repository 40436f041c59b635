/// Builds masked display forms. Separators are kept so the masked value still
/// reads like the original (`4111 11** **** 1111`), and at least a quarter of
/// the letters and digits are always replaced, so a mask can never equal the
/// value even for short ones.
public enum Masking {
    /// The masking character.
    public static let mask: UInt8 = 0x2A  // "*"

    /// Masks the letters and digits of `range`, keeping the first `first` and
    /// last `last` of them (shrinking `first`, then `last`, when that would
    /// leave fewer than a quarter masked) and every other byte.
    public static func keeping(first: Int, last: Int, of range: Range<Int>, in text: ScanText) -> String {
        var total = 0
        for i in range where ASCII.isAlnum(text[i]) { total += 1 }
        let minimumMasked = max(1, (total + 3) / 4)
        var keepFirst = first
        var keepLast = last
        while keepFirst + keepLast > total - minimumMasked {
            if keepFirst > 0 { keepFirst -= 1 } else if keepLast > 0 { keepLast -= 1 } else { break }
        }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var seen = 0
        for i in range {
            let b = text[i]
            if ASCII.isAlnum(b) {
                out.append(seen < keepFirst || seen >= total - keepLast ? b : mask)
                seen += 1
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A key's prefix followed by a fixed `****`, so not even the length leaks.
    public static func prefixOnly(_ range: Range<Int>, prefixLength: Int, in text: ScanText) -> String {
        text.string(range.lowerBound..<(range.lowerBound + min(prefixLength, range.count))) + "****"
    }
}
