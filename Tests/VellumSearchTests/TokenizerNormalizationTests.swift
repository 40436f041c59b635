import Testing
import VellumSearch

@Suite("Tokenizer: normalization")
struct TokenizerNormalizationTests {
    static let forms: [TermCase] = [
        TermCase("full-width letters and digits", "ＡＢＣ１２３", ["abc123"]),
        TermCase("full-width with full-width punctuation", "ｈｅｌｌｏ，ｗｏｒｌｄ！", ["hello", "world"]),
        TermCase("ligatures", "ﬁnance ﬂow ﬀ", ["finance", "flow", "ff"]),
        TermCase("superscript and Roman numeral", "x² Ⅻ", ["x2", "xii"]),
        TermCase("circled digit", "①号", ["1", "号"]),
        TermCase("parenthesized ideograph", "㈱", ["株"]),
        TermCase("trade mark sign stands alone", "Vellum™", ["vellum", "tm"]),
        TermCase("unit symbol stands alone", "5㎏", ["5", "kg"]),
        TermCase("ellipsis is punctuation", "wait…what", ["wait", "what"]),
        TermCase("Kelvin and Ångström signs", "\u{212A} \u{212B}", ["k", "å"]),
        TermCase("mathematical bold letters", "𝐇𝐞𝐥𝐥𝐨", ["hello"]),
        TermCase("non-breaking space separates", "a\u{A0}b", ["a", "b"]),
    ]

    @Test("NFKC compatibility forms", arguments: forms)
    func compatibility(_ example: TermCase) {
        #expect(terms(example.text) == example.terms)
    }

    static let marks: [TermCase] = [
        TermCase("precomposed é", "caf\u{E9}", ["caf\u{E9}"]),
        TermCase("e + combining acute", "cafe\u{301}", ["caf\u{E9}"]),
        TermCase("uppercase decomposed", "CAFE\u{301}", ["caf\u{E9}"]),
        TermCase("marks in non-canonical order", "a\u{301}\u{323}", ["\u{1EA1}\u{301}"]),
        TermCase("canonical order", "a\u{323}\u{301}", ["\u{1EA1}\u{301}"]),
        TermCase("Vietnamese decomposed", "Vie\u{323}\u{302}t", ["vi\u{1EC7}t"]),
        TermCase("non-composing mark stays", "e\u{316}", ["e\u{316}"]),
        TermCase("mark extends a CJK character", "合\u{301}同", ["合\u{301}", "合\u{301}同", "同"]),
        TermCase("variation selector dropped from ideograph", "葛\u{E0100}城", ["葛", "葛城", "城"]),
    ]

    @Test("Combining marks: canonically equivalent spellings give the same term", arguments: marks)
    func combiningMarks(_ example: TermCase) {
        #expect(terms(example.text) == example.terms)
    }

    static let folding: [TermCase] = [
        TermCase("sharp s folds to ss", "Straße STRASSE strasse", ["strasse", "strasse", "strasse"]),
        TermCase("capital sharp s", "STRA\u{1E9E}E", ["strasse"]),
        TermCase("dotted capital I folds to plain i", "İstanbul ISTANBUL istanbul", ["istanbul", "istanbul", "istanbul"]),
        TermCase("dotless i is its own letter", "ılık", ["ılık"]),
        TermCase("Cherokee folds both cases together", "\u{13A0}\u{AB70}", ["\u{13A0}\u{13A0}"]),
        TermCase("German umlauts", "ÄÖÜ äöü", ["äöü", "äöü"]),
        TermCase("long s", "ſtate", ["state"]),
        TermCase("Greek iota subscript", "ᾳ ᾼ ΑΙ", ["αι", "αι", "αι"]),
        TermCase("old Cyrillic letter forms", "\u{1C80}\u{1C82} ВО", ["во", "во"]),
    ]

    @Test("Case folding is full and locale-independent", arguments: folding)
    func caseFolding(_ example: TermCase) {
        #expect(terms(example.text) == example.terms)
    }

    static let ignorables: [TermCase] = [
        TermCase("soft hyphen joins", "co\u{AD}operate", ["cooperate"]),
        TermCase("zero width joiner joins", "ab\u{200D}cd", ["abcd"]),
        TermCase("zero width space separates", "foo\u{200B}bar", ["foo", "bar"]),
        TermCase("byte order mark ignored", "\u{FEFF}hello", ["hello"]),
        TermCase("Persian ZWNJ inside a word", "می\u{200C}خواهم", ["میخواهم"]),
    ]

    @Test("Default-ignorable characters", arguments: ignorables)
    func ignorableCharacters(_ example: TermCase) {
        #expect(terms(example.text) == example.terms)
    }

    struct RangeCase: Sendable, CustomStringConvertible {
        let description: String
        let text: String
        let tokens: [TextToken]
    }

    static let ranges: [RangeCase] = [
        RangeCase(
            description: "full-width letters", text: "ＡＢＣ１２３ def",
            tokens: [TextToken(term: "abc123", scalarRange: 0..<6), TextToken(term: "def", scalarRange: 7..<10)]),
        RangeCase(
            description: "ligature expands inside one scalar", text: "a ﬁx",
            tokens: [TextToken(term: "a", scalarRange: 0..<1), TextToken(term: "fix", scalarRange: 2..<4)]),
        RangeCase(
            description: "decomposed letter", text: "e\u{301}te\u{301} x",
            tokens: [TextToken(term: "\u{E9}t\u{E9}", scalarRange: 0..<5), TextToken(term: "x", scalarRange: 6..<7)]),
        RangeCase(
            description: "half-width kana pair", text: "ｶﾞ!",
            tokens: [TextToken(term: "ガ", scalarRange: 0..<2)]),
        RangeCase(
            description: "one symbol becomes two ideographs", text: "令和㍻",
            tokens: [
                TextToken(term: "令", scalarRange: 0..<1), TextToken(term: "令和", scalarRange: 0..<2),
                TextToken(term: "和", scalarRange: 1..<2),
                TextToken(term: "平", scalarRange: 2..<3), TextToken(term: "平成", scalarRange: 2..<3),
                TextToken(term: "成", scalarRange: 2..<3),
            ]),
        RangeCase(
            description: "sharp s", text: "Straße!",
            tokens: [TextToken(term: "strasse", scalarRange: 0..<6)]),
        RangeCase(
            description: "supplementary plane counts as one scalar", text: "𠀀a 𝐇i",
            tokens: [
                TextToken(term: "𠀀", scalarRange: 0..<1), TextToken(term: "a", scalarRange: 1..<2),
                TextToken(term: "hi", scalarRange: 3..<5),
            ]),
        RangeCase(
            description: "soft hyphen inside the range", text: "co\u{AD}op",
            tokens: [TextToken(term: "coop", scalarRange: 0..<5)]),
    ]

    @Test("scalarRange points into the original text through normalization", arguments: ranges)
    func rangesThroughNormalization(_ example: RangeCase) {
        #expect(Tokenizer().tokens(in: example.text) == example.tokens)
    }

    @Test("Pure ASCII and the same text with one non-ASCII character tokenize alike")
    func asciiFastPathAgrees() {
        let ascii = "Meet at 10:30, re: Q3_budget (draft v2) -- OK?"
        #expect(terms(ascii + " é") == terms(ascii) + ["é"])
        #expect(Tokenizer().tokens(in: "é " + ascii).dropFirst().map(\.term) == terms(ascii))
    }
}
