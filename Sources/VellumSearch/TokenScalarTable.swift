/// Lookup of ``TokenScalarInfo`` for any scalar, backed by a table for the Basic Multilingual Plane.
///
/// The table and the BMP normalization map are derived once, lazily and thread-safely (Swift
/// global initialization), from the runtime's Unicode properties and Foundation's NFKC. That
/// takes a few milliseconds on first use and makes the per-scalar cost one array load.
enum TokenScalarTable {
    /// ``TokenScalarInfo`` raw bytes for U+0000…U+FFFF (surrogates are separators).
    static let bmp: [UInt8] = (0..<0x1_0000).map { v in
        Unicode.Scalar(UInt32(v)).map { computeInfo($0).raw } ?? TokenScalarKind.separator.rawValue
    }

    /// Normalized form of every BMP scalar that is not stable on its own (uppercase letters,
    /// compatibility characters, default ignorables…), precomputed with ``TextNormalization``.
    static let bmpMappings: [UInt32: String] = {
        var map: [UInt32: String] = [:]
        for v in UInt32(0x80)..<0x1_0000 {
            guard let scalar = Unicode.Scalar(v), !TokenScalarInfo(raw: bmp[Int(v)]).isStable else { continue }
            map[v] = TextNormalization.normalize(CollectionOfOne(scalar))
        }
        return map
    }()

    /// Info for `v` using `table` (the contents of ``bmp``) for BMP scalars.
    @inline(__always)
    static func info(_ v: UInt32, table: UnsafeBufferPointer<UInt8>) -> TokenScalarInfo {
        v < 0x1_0000 ? TokenScalarInfo(raw: table[Int(v)]) : supplementaryInfo(v)
    }

    /// Info for a scalar outside the BMP, with shortcuts for ideographs and emoji.
    static func supplementaryInfo(_ v: UInt32) -> TokenScalarInfo {
        switch v {
        case 0x2_0000...0x2_F7FF, 0x2_FA20...0x3_FFFD:
            // Ideographic planes, minus the compatibility ideograph supplement.
            return TokenScalarInfo(raw: TokenScalarKind.cjk.rawValue | TokenScalarInfo.stableFlag)
        case 0x1_F300...0x1_F3FA, 0x1_F400...0x1_FAFF:
            // Pictographs, emoticons, transport, supplemental symbols (skin tones excluded).
            return TokenScalarInfo(raw: TokenScalarKind.separator.rawValue | TokenScalarInfo.stableFlag)
        default:
            return computeInfo(Unicode.Scalar(v).unsafelyUnwrapped)
        }
    }

    /// Derives ``TokenScalarInfo`` from Unicode properties (the definition the table caches).
    static func computeInfo(_ scalar: Unicode.Scalar) -> TokenScalarInfo {
        let v = scalar.value
        let properties = scalar.properties
        let kind: TokenScalarKind
        if CJKScalarRanges.contains(v) {
            kind = .cjk
        } else if v == 0x02BC || v == 0x200B {
            // MODIFIER LETTER APOSTROPHE splits words like other apostrophes; ZERO WIDTH
            // SPACE is an explicit word boundary.
            kind = .separator
        } else if properties.isDefaultIgnorableCodePoint {
            kind = .ignorable
        } else {
            switch properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber:
                kind = .word
            case .nonspacingMark, .spacingMark:
                kind = .mark
            case .enclosingMark:
                kind = .enclosingMark
            default:
                kind = .separator
            }
        }
        var raw = kind.rawValue
        if attaches(scalar, properties) { raw |= TokenScalarInfo.attachesFlag }
        if !properties.changesWhenNFKCCaseFolded { raw |= TokenScalarInfo.stableFlag }
        if CanonicalCompositionMarks.contains(v) { raw |= TokenScalarInfo.composesFlag }
        return TokenScalarInfo(raw: raw)
    }

    /// Whether the scalar belongs to the preceding scalar's normalization chunk: marks and
    /// other grapheme extenders (which NFKC may reorder or compose with the base) and
    /// Hangul medial/final jamo (which compose into a preceding syllable).
    private static func attaches(_ scalar: Unicode.Scalar, _ properties: Unicode.Scalar.Properties) -> Bool {
        switch scalar.value {
        case 0..<0x300:
            return false
        case 0x300..<0x370:
            return true
        case 0x1160...0x11FF, 0xD7B0...0xD7FF:
            return true
        default:
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                return true
            default:
                return properties.isGraphemeExtend
            }
        }
    }
}
