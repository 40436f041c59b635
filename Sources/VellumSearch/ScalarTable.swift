/// Lookup of ``ScalarInfo`` for any scalar, backed by a table for the Basic Multilingual Plane.
///
/// The table and the BMP normalization map are derived once, lazily and thread-safely (Swift
/// global initialization), from the runtime's Unicode properties and Foundation's NFKC. That
/// takes a few milliseconds on first use and makes the per-scalar cost one array load.
enum ScalarTable {
    /// ``ScalarInfo`` raw bytes for U+0000…U+FFFF (surrogates are separators).
    static let bmp: [UInt8] = (0..<0x1_0000).map { v in
        Unicode.Scalar(UInt32(v)).map { computeInfo($0).raw } ?? ScalarKind.separator.rawValue
    }

    /// Normalized form of every BMP scalar that is not stable on its own (uppercase letters,
    /// compatibility characters, default ignorables…), precomputed with ``Normalization``.
    static let bmpMappings: [UInt32: String] = {
        var map: [UInt32: String] = [:]
        for v in UInt32(0x80)..<0x1_0000 {
            guard let scalar = Unicode.Scalar(v), !ScalarInfo(raw: bmp[Int(v)]).isStable else { continue }
            map[v] = Normalization.normalize(CollectionOfOne(scalar))
        }
        return map
    }()

    /// Info for `v` using `table` (the contents of ``bmp``) for BMP scalars.
    @inline(__always)
    static func info(_ v: UInt32, table: UnsafeBufferPointer<UInt8>) -> ScalarInfo {
        v < 0x1_0000 ? ScalarInfo(raw: table[Int(v)]) : supplementaryInfo(v)
    }

    /// Info for a scalar outside the BMP, with shortcuts for ideographs and emoji.
    static func supplementaryInfo(_ v: UInt32) -> ScalarInfo {
        switch v {
        case 0x2_0000...0x2_F7FF, 0x2_FA20...0x3_FFFD:
            // Ideographic planes, minus the compatibility ideograph supplement.
            return ScalarInfo(raw: ScalarKind.cjk.rawValue | ScalarInfo.stableFlag)
        case 0x1_F300...0x1_F3FA, 0x1_F400...0x1_FAFF:
            // Pictographs, emoticons, transport, supplemental symbols (skin tones excluded).
            return ScalarInfo(raw: ScalarKind.separator.rawValue | ScalarInfo.stableFlag)
        default:
            return computeInfo(Unicode.Scalar(v).unsafelyUnwrapped)
        }
    }

    /// Derives ``ScalarInfo`` from Unicode properties (the definition the table caches).
    static func computeInfo(_ scalar: Unicode.Scalar) -> ScalarInfo {
        let v = scalar.value
        let properties = scalar.properties
        let kind: ScalarKind
        if CJKRanges.contains(v) {
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
        if attaches(scalar, properties) { raw |= ScalarInfo.attachesFlag }
        if !properties.changesWhenNFKCCaseFolded { raw |= ScalarInfo.stableFlag }
        if CompositionMarks.contains(v) { raw |= ScalarInfo.composesFlag }
        return ScalarInfo(raw: raw)
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
