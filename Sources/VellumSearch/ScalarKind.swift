/// What one *normalized* Unicode scalar contributes to tokenization.
enum ScalarKind: UInt8 {
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
struct ScalarInfo: Equatable {
    static let attachesFlag: UInt8 = 0x08
    static let stableFlag: UInt8 = 0x10
    static let composesFlag: UInt8 = 0x20

    var raw: UInt8

    /// How the scalar tokenizes, assuming it is already normalized (see `isStable`).
    var kind: ScalarKind { ScalarKind(rawValue: raw & 0x07).unsafelyUnwrapped }
    /// Joins the preceding scalar's normalization chunk (combining marks, grapheme extenders,
    /// Hangul medial/final jamo).
    var attaches: Bool { raw & Self.attachesFlag != 0 }
    /// Unchanged by NFKC + case folding on its own (Unicode `Changes_When_NFKC_Casefolded` = No).
    var isStable: Bool { raw & Self.stableFlag != 0 }
    /// May be the second half of a canonical composition, so a chunk holding it must go
    /// through full normalization.
    var composes: Bool { raw & Self.composesFlag != 0 }
}

/// Character ranges treated as CJK: each such character becomes a unigram and takes part in
/// bigrams with its neighbours in the same run.
enum CJKRanges {
    /// Whether `v` is a Han ideograph (unified, extensions, compatibility), kana, Hangul
    /// syllable or a CJK iteration/numeral mark that behaves like one.
    @inline(__always)
    static func contains(_ v: UInt32) -> Bool {
        switch v {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: true  // Unified ideographs, extension A
        case 0x3041...0x3096, 0x309D...0x309F: true  // Hiragana (3099–309C are sound marks)
        case 0x30A1...0x30FA, 0x30FC...0x30FF: true  // Katakana (30FB "・" is punctuation)
        case 0xAC00...0xD7A3: true  // Hangul syllables
        case 0x3005...0x3007, 0x3021...0x3029, 0x3031...0x3035, 0x3038...0x303B: true  // 々〆〇, numerals, repeat marks
        case 0x31F0...0x31FF: true  // Katakana phonetic extensions
        case 0xF900...0xFAFF: true  // Compatibility ideographs (NFKC maps most to unified ones)
        case 0x1AFF0...0x1B16F: true  // Kana extended / supplement / small kana
        case 0x20000...0x3FFFD: true  // Supplementary and tertiary ideographic planes
        default: false
        }
    }
}
