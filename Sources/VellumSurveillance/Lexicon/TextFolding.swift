/// The folding both lexicon terms and scanned text go through, so matching
/// is case-insensitive for Latin and blind to the width variants CJK input
/// methods produce: ASCII letters to lowercase, fullwidth ASCII
/// (`Ｗｈａｔｓａｐｐ`, U+FF01–FF5E) to ASCII, and any run of whitespace
/// (including the ideographic space U+3000) to one space. Everything else is
/// matched byte for byte, which is what keeps the text side a table lookup.
enum TextFolding {
    /// Folds a lexicon term to the byte sequence the automaton matches.
    static func fold(_ term: String) -> [UInt8] {
        var out: [UInt8] = []
        var pendingSpace = false
        for scalar in term.unicodeScalars {
            let v = scalar.value
            if v == 0x3000 || scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(ASCII.space)
                pendingSpace = false
            }
            if v < 0x80 {
                out.append(ASCII.lower(UInt8(v)))
            } else if (0xFF01...0xFF5E).contains(v) {
                out.append(ASCII.lower(UInt8(v - 0xFF01 + 0x21)))
            } else {
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        return out
    }

    /// The ASCII byte a fullwidth form at `i` folds to (already lowercased),
    /// or nil. `i` points at the 0xEF lead byte.
    @inline(__always)
    static func fullwidthASCII(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, limit: Int) -> UInt8? {
        guard i + 2 < limit, p[i] == 0xEF else { return nil }
        let b1 = p[i + 1], b2 = p[i + 2]
        guard (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) || (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) else { return nil }
        let scalar = (UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)) + 0xF000
        return ASCII.lower(UInt8(scalar - 0xFF01 + 0x21))
    }

    /// True when bytes `i..<i+3` are the ideographic space U+3000.
    @inline(__always)
    static func isIdeographicSpace(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, limit: Int) -> Bool {
        i + 2 < limit && p[i] == 0xE3 && p[i + 1] == 0x80 && p[i + 2] == 0x80
    }

    /// ASCII whitespace the matcher folds to a space.
    @inline(__always) static func isASCIISpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C
    }
}
