/// Character ranges treated as CJK: each such character becomes a unigram and takes part in
/// bigrams with its neighbours in the same run.
enum CJKScalarRanges {
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
