import Testing
import VellumSearch

@Suite("Tokenizer: CJK unigrams and bigrams")
struct TokenizerCJKTests {
    static let chinese: [TermCase] = [
        TermCase("simplified run", "签合同吧", ["签", "签合", "合", "合同", "同", "同吧", "吧"]),
        TermCase("traditional run", "簽合約吧", ["簽", "簽合", "合", "合約", "約", "約吧", "吧"]),
        TermCase("single character", "合", ["合"]),
        TermCase("full-width comma ends the run", "你好，世界", ["你", "你好", "好", "世", "世界", "界"]),
        TermCase("question mark ends the run", "退货付？付款", ["退", "退货", "货", "货付", "付", "付", "付款", "款"]),
        TermCase("ideographic full stop ends the run", "好。好", ["好", "好"]),
        TermCase("space ends the run", "合 同", ["合", "同"]),
        TermCase("ideographic space ends the run", "合\u{3000}同", ["合", "同"]),
        TermCase("quotes end the run", "他说「好的」", ["他", "他说", "说", "好", "好的", "的"]),
        TermCase("extension B ideographs", "𠀀𠀁", ["𠀀", "𠀀𠀁", "𠀁"]),
        TermCase("compatibility ideograph normalizes", "\u{FA19}", ["\u{795E}"]),
        TermCase("iteration mark is CJK", "人々", ["人", "人々", "々"]),
    ]

    @Test("Chinese", arguments: chinese)
    func chineseTerms(_ example: TermCase) {
        #expect(terms(example.text) == example.terms)
    }

    static let japanese: [TermCase] = [
        TermCase(
            "kanji and hiragana", "東京に行く",
            ["東", "東京", "京", "京に", "に", "に行", "行", "行く", "く"]),
        TermCase("katakana with prolonged sound mark", "コーヒー", ["コ", "コー", "ー", "ーヒ", "ヒ", "ヒー", "ー"]),
        TermCase("middle dot separates", "ジョン・スミス", ["ジ", "ジョ", "ョ", "ョン", "ン", "ス", "スミ", "ミ", "ミス", "ス"]),
        TermCase("half-width katakana composes", "ｶﾞｷﾞ", ["ガ", "ガギ", "ギ"]),
        TermCase("decomposed dakuten composes", "か\u{3099}", ["が"]),
        TermCase("square era name expands", "㍻", ["平", "平成", "成"]),
    ]

    @Test("Japanese", arguments: japanese)
    func japaneseTerms(_ example: TermCase) {
        #expect(terms(example.text) == example.terms)
    }

    static let korean: [TermCase] = [
        TermCase(
            "Hangul syllables", "안녕하세요 세계",
            ["안", "안녕", "녕", "녕하", "하", "하세", "세", "세요", "요", "세", "세계", "계"]),
        TermCase("conjoining jamo compose", "\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}", ["한", "한글", "글"]),
        TermCase("Korean with punctuation", "네, 알겠습니다!", ["네", "알", "알겠", "겠", "겠습", "습", "습니", "니", "니다", "다"]),
    ]

    @Test("Korean", arguments: korean)
    func koreanTerms(_ example: TermCase) {
        #expect(terms(example.text) == example.terms)
    }

    static let mixed: [TermCase] = [
        TermCase(
            "Latin word inside a CJK run", "明天签contract合同。",
            ["明", "明天", "天", "天签", "签", "contract", "合", "合同", "同"]),
        TermCase("digits and CJK", "2024年3月", ["2024", "年", "3", "月"]),
        TermCase(
            "product and price", "iPhone15价格是5999元",
            ["iphone15", "价", "价格", "格", "格是", "是", "5999", "元"]),
        TermCase("kana next to kanji and Latin", "Vellumで検索", ["vellum", "で", "で検", "検", "検索", "索"]),
        TermCase("Hangul next to Latin", "OK입니다", ["ok", "입", "입니", "니", "니다", "다"]),
        TermCase("full-width Latin inside CJK", "用ＡＰＰ付款", ["用", "app", "付", "付款", "款"]),
    ]

    @Test("Mixed scripts", arguments: mixed)
    func mixedTerms(_ example: TermCase) {
        #expect(terms(example.text) == example.terms)
    }

    @Test("A CJK query is a consecutive phrase of the document", arguments: ["合同", "合", "签合同吧", "同吧"])
    func queryIsPhrase(_ query: String) {
        let document = terms("我们明天签合同吧，好吗？")
        #expect(containsRun(terms(query), in: document))
    }

    @Test("Bigrams never span punctuation")
    func noBigramAcrossPunctuation() {
        let document = terms("退货付？付款")
        #expect(!document.contains("付付"))
        #expect(!containsRun(terms("付付款"), in: document))
    }

    @Test("CJK ranges: unigrams cover one character, bigrams two")
    func cjkRanges() {
        let tokens = Tokenizer().tokens(in: "👍 签合同")
        #expect(tokens.map(\.term) == ["签", "签合", "合", "合同", "同"])
        #expect(tokens.map(\.scalarRange) == [2..<3, 2..<4, 3..<4, 3..<5, 4..<5])
    }
}
