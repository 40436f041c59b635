/// Splits message text into normalized search terms for the blind full-text index.
///
/// Documents and queries must go through the same tokenizer: the output is deterministic,
/// locale-independent and depends only on the text (and on the Unicode data of the runtime).
///
/// Rules:
/// - **Normalization**: NFKC then full case folding (`ＡＢＣ１２３` → `abc123`, `ｶﾞ` → `ガ`,
///   `ﬁ` → `fi`, `Straße` → `strasse`, `İ`/`I` → `i`). Default-ignorable characters (ZWJ,
///   soft hyphen, variation selectors…) are skipped without splitting a word. ASCII never
///   reaches the Unicode normalizer.
/// - **Words**: maximal runs of letters, digits and combining marks. Everything else
///   separates words, including apostrophes (`don't` → `don`, `t`), underscores, dots and
///   hyphens (`3.14` → `3`, `14`). Punctuation, symbols and emoji produce no tokens.
/// - **CJK** (Han ideographs, kana, Hangul syllables): inside a run of such characters, each
///   character yields its unigram followed by the bigram with the next character of the run
///   (`签合同吧` → `签 签合 合 合同 同 同吧 吧`), so any CJK query is a consecutive phrase of
///   the document's terms. Runs end at any other character, punctuation included.
///
/// `scalarRange` of each token is in Unicode scalar offsets of the original text.
public struct Tokenizer: Sendable {
    /// Creates a tokenizer. It holds no state; all instances behave identically.
    public init() {}

    /// The tokens of `text`, in text order, with their original scalar ranges.
    public func tokens(in text: String) -> [TextToken] {
        scan(text, into: TokenCollector()).tokens
    }

    /// The terms of `text`; equal to `tokens(in: text).map(\.term)` without building ranges.
    public func terms(in text: String) -> [String] {
        scan(text, into: TermCollector()).terms
    }

    private func scan<Sink: TokenSink>(_ text: String, into sink: Sink) -> Sink {
        ScalarTable.bmp.withUnsafeBufferPointer { table in
            var scanner = TokenScanner(sink: sink, table: table)
            if let result = text.utf8.withContiguousStorageIfAvailable({ scanner.scan($0) }) {
                return result
            }
            var contiguous = text
            contiguous.makeContiguousUTF8()
            return contiguous.utf8.withContiguousStorageIfAvailable { scanner.scan($0) }.unsafelyUnwrapped
        }
    }
}
