internal import Foundation

/// The reference normalization applied to one chunk of text: drop default-ignorables, NFKC,
/// case fold, NFKC again (Unicode's NFKC_Casefold recipe).
///
/// The tokenizer only calls this for chunks that may change; everything else is known to be
/// its own normalized form (see ``ScalarInfo/isStable``), which the tests check exhaustively.
///
/// Case folding is locale-independent full folding with these decisions:
/// - `ß` and `ẞ` fold to `ss` ("Straße" and "STRASSE" give the same term);
/// - final sigma `ς` folds to `σ`;
/// - Turkish-insensitive: `I` → `i` always, `İ` → `i` (not `i̇`), dotless `ı` stays `ı`;
/// - Cherokee folds to its uppercase letters, as Unicode case folding does.
enum Normalization {
    /// Normalizes a chunk of scalars. Deterministic and independent of the current locale.
    static func normalize<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in scalars where !isDroppedIgnorable(scalar) {
            kept.append(scalar)
        }
        let compatible = String(kept).precomposedStringWithCompatibilityMapping
        var folded = String.UnicodeScalarView()
        for scalar in compatible.unicodeScalars {
            appendCaseFolded(scalar, to: &folded)
        }
        return String(folded).precomposedStringWithCompatibilityMapping
    }

    /// Default-ignorable scalars vanish before normalization (so they cannot block a
    /// composition). ZERO WIDTH SPACE is kept because it separates words.
    static func isDroppedIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value != 0x200B && scalar.properties.isDefaultIgnorableCodePoint
    }

    /// Appends the locale-independent case folding of `scalar`.
    static func appendCaseFolded(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        let v = scalar.value
        switch v {
        case 0x41...0x5A:
            out.append(Unicode.Scalar(UInt8(v + 0x20)))
        case 0..<0x80:
            out.append(scalar)
        case 0xDF, 0x1E9E:  // ß, ẞ
            out.append("s")
            out.append("s")
        case 0x3C2:  // ς
            out.append("\u{3C3}")
        case 0x130:  // İ
            out.append("i")
        case 0x13A0...0x13F5:  // Cherokee capitals are the case-folded form
            out.append(scalar)
        case 0x13F8...0x13FD:
            out.append(Unicode.Scalar(v - 8).unsafelyUnwrapped)
        case 0xAB70...0xABBF:
            out.append(Unicode.Scalar(v - 0xAB70 + 0x13A0).unsafelyUnwrapped)
        default:
            let properties = scalar.properties
            if properties.changesWhenLowercased {
                out.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
    }
}
