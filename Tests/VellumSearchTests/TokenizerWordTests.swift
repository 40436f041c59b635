import Testing
import VellumSearch

@Suite("Tokenizer: words, numbers and punctuation")
struct TokenizerWordTests {
    static let english: [TermCase] = [
        TermCase("simple sentence", "Hello, World!", ["hello", "world"]),
        TermCase("ASCII apostrophe splits", "don't stop", ["don", "t", "stop"]),
        TermCase("curly apostrophe splits", "O’Neil’s report", ["o", "neil", "s", "report"]),
        TermCase("modifier-letter apostrophe splits", "O\u{2BC}Neil", ["o", "neil"]),
        TermCase("underscore splits", "snake_case_name", ["snake", "case", "name"]),
        TermCase("hyphen splits", "state-of-the-art", ["state", "of", "the", "art"]),
        TermCase("mixed case folds", "The Q3 REPORT is Due", ["the", "q3", "report", "is", "due"]),
        TermCase("letters and digits stay together", "iPhone15 mp3 30am", ["iphone15", "mp3", "30am"]),
        TermCase("newlines and tabs separate", "line one\nline\ttwo\r\n", ["line", "one", "line", "two"]),
        TermCase("hashtags and mentions", "#launch @li.wei", ["launch", "li", "wei"]),
        TermCase("Cyrillic with case", "Привет, МИР", ["привет", "мир"]),
        TermCase("Greek final sigma folds", "ΣΟΦΟΣ σοφος", ["σοφοσ", "σοφοσ"]),
        TermCase("Devanagari keeps its marks", "नमस्ते दुनिया", ["नमस्ते", "दुनिया"]),
        TermCase("Arabic", "مرحبا بالعالم", ["مرحبا", "بالعالم"]),
        TermCase("Hebrew", "שלום עולם", ["שלום", "עולם"]),
        TermCase("Thai run is one word", "สวัสดี ครับ", ["สวัสดี", "ครับ"]),
    ]

    @Test("English and other space-separated scripts", arguments: english)
    func words(_ example: TermCase) {
        #expect(terms(example.text) == example.terms)
    }

    static let numbers: [TermCase] = [
        TermCase("card number", "4111-1111-1111-1111", ["4111", "1111", "1111", "1111"]),
        TermCase("decimal", "3.14", ["3", "14"]),
        TermCase("thousands separators", "1,000,000", ["1", "000", "000"]),
        TermCase("sign dropped", "-42 +7", ["42", "7"]),
        TermCase("version", "v2.0.1", ["v2", "0", "1"]),
        TermCase("time and date", "9:30 2024-03-15", ["9", "30", "2024", "03", "15"]),
        TermCase("currency", "$5,999.00 ¥300", ["5", "999", "00", "300"]),
        TermCase("phone", "+86 138-0013-8000", ["86", "138", "0013", "8000"]),
        TermCase("Arabic-Indic digits", "٣٤٥", ["٣٤٥"]),
    ]

    @Test("Numbers are tokens, split at punctuation", arguments: numbers)
    func numberTokens(_ example: TermCase) {
        #expect(terms(example.text) == example.terms)
    }

    static let addresses: [TermCase] = [
        TermCase("email", "li.wei@example.com", ["li", "wei", "example", "com"]),
        TermCase("email in a sentence", "Mail LI.WEI@Example.COM now", ["mail", "li", "wei", "example", "com", "now"]),
        TermCase(
            "URL", "https://example.com/path?q=1&lang=zh-CN#top",
            ["https", "example", "com", "path", "q", "1", "lang", "zh", "cn", "top"]),
        TermCase("URL with port", "http://10.0.0.1:8080/a_b", ["http", "10", "0", "0", "1", "8080", "a", "b"]),
    ]

    @Test("Emails and URLs split into their words", arguments: addresses)
    func addressTokens(_ example: TermCase) {
        #expect(terms(example.text) == example.terms)
    }

    static let nothing: [TermCase] = [
        TermCase("empty", "", []),
        TermCase("spaces", "   ", []),
        TermCase("whitespace mix", " \n\t\r\u{A0}\u{3000}\u{2003} ", []),
        TermCase("punctuation only", "!!! ??? ... -- () []", []),
        TermCase("emoji only", "👍🎉😂", []),
        TermCase("isolated combining mark", "\u{301}", []),
        TermCase("zero width characters", "\u{200B}\u{200D}\u{FEFF}", []),
    ]

    @Test("Texts without words give no tokens", arguments: nothing)
    func noTokens(_ example: TermCase) {
        #expect(terms(example.text).isEmpty)
        #expect(Tokenizer().tokens(in: example.text).isEmpty)
    }

    static let emoji: [TermCase] = [
        TermCase("emoji between words", "great job 👍🏽🎉 team", ["great", "job", "team"]),
        TermCase("emoji glued to a word", "ok👍ok", ["ok", "ok"]),
        TermCase("emoji with variation selector", "❤️ love ☺️", ["love"]),
        TermCase("ZWJ family sequence", "👨‍👩‍👧 family", ["family"]),
        TermCase("flag", "🇨🇳 china 🏴󠁧󠁢󠁳󠁣󠁴󠁿", ["china"]),
        TermCase("keycaps are emoji", "1️⃣ first #️⃣ 2\u{20E3}", ["first"]),
        TermCase("emoji between CJK breaks the run", "合😀同", ["合", "同"]),
    ]

    @Test("Emoji are dropped", arguments: emoji)
    func emojiDropped(_ example: TermCase) {
        #expect(terms(example.text) == example.terms)
    }

    @Test("Word ranges are Unicode scalar offsets into the original text")
    func wordRanges() {
        let tokens = Tokenizer().tokens(in: "Hi 👍🏽 there, O’Neil")
        #expect(tokens.map(\.term) == ["hi", "there", "o", "neil"])
        #expect(tokens.map(\.scalarRange) == [0..<2, 6..<11, 13..<14, 15..<19])
    }

    @Test("terms(in:) equals tokens(in:) mapped to terms")
    func termsMatchTokens() {
        for example in Self.english + Self.numbers + Self.addresses + Self.emoji {
            #expect(Tokenizer().terms(in: example.text) == Tokenizer().tokens(in: example.text).map(\.term))
        }
    }
}
