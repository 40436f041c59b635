/// What one *normalized* Unicode scalar contributes to tokenization.
enum TokenScalarKind: UInt8 {
    /// Ends the current word or CJK run and is dropped (punctuation, symbols, emoji, spaces…).
    case separator = 0
    /// Part of a word: letters, digits and other numbers (excluding CJK).
    case word = 1
    /// One CJK character: Han ideograph, kana or Hangul syllable.
    case cjk = 2
    /// A combining mark: extends the preceding word or CJK character, dropped when isolated.
    case mark = 3
    /// Default-ignorable (ZWJ, ZWNJ, soft hyphen, variation selectors…): skipped without
    /// breaking a token, and never part of a term.
    case ignorable = 4
    /// An enclosing mark (keycap, enclosing circle…): turns its whole chunk into a symbol.
    case enclosingMark = 5
}

/// Per-scalar facts the scanner needs, packed in one byte so the BMP fits a 64 KiB table.
struct TokenScalarInfo: Equatable {
    static let attachesFlag: UInt8 = 0x08
    static let stableFlag: UInt8 = 0x10
    static let composesFlag: UInt8 = 0x20

    var raw: UInt8

    /// How the scalar tokenizes, assuming it is already normalized (see `isStable`).
    var kind: TokenScalarKind { TokenScalarKind(rawValue: raw & 0x07).unsafelyUnwrapped }
    /// Joins the preceding scalar's normalization chunk (combining marks, grapheme extenders,
    /// Hangul medial/final jamo).
    var attaches: Bool { raw & Self.attachesFlag != 0 }
    /// Unchanged by NFKC + case folding on its own (Unicode `Changes_When_NFKC_Casefolded` = No).
    var isStable: Bool { raw & Self.stableFlag != 0 }
    /// May be the second half of a canonical composition, so a chunk holding it must go
    /// through full normalization.
    var composes: Bool { raw & Self.composesFlag != 0 }
}
