internal import Foundation

/// The reference normalization applied to one chunk of text: drop default-ignorables, NFKC,
/// case fold, NFKC again (Unicode's NFKC_Casefold recipe).
///
/// The tokenizer only calls this for chunks that may change; everything else is known to be
/// its own normalized form (see ``TokenScalarInfo/isStable``), which the tests check exhaustively.
///
/// Case folding is locale-independent full folding with these decisions:
/// - `ß` and `ẞ` fold to `ss` ("Straße" and "STRASSE" give the same term);
/// - final sigma `ς` folds to `σ`; Greek iota subscripts fold to `ι` (`ᾳ` → `αι`);
/// - Turkish-insensitive: `I` → `i` always, `İ` → `i` (not `i̇`), dotless `ı` stays `ı`;
/// - Cherokee folds to its uppercase letters, as Unicode case folding does.
/// Other scalars fold to `lowercase(uppercase(c))` when Unicode says they change under case
/// folding, which reproduces Unicode's full folding for them (checked exhaustively by tests).
enum TextNormalization {
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
        case 0x13F8...0x13FD, 0xAB70...0xABBF:  // Cherokee folds to its capitals
            out.append(contentsOf: scalar.properties.uppercaseMapping.unicodeScalars)
        default:
            let properties = scalar.properties
            guard properties.changesWhenCaseFolded else {
                out.append(scalar)
                return
            }
            // Full case folding is lowercase(uppercase(c)) for everything not special-cased above
            // (ß → SS → ss, ς → Σ → σ, ᾳ → ΑΙ → αι, ᲀ → В → в).
            for upper in properties.uppercaseMapping.unicodeScalars {
                out.append(contentsOf: upper.properties.lowercaseMapping.unicodeScalars)
            }
        }
    }
}
