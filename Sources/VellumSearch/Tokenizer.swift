/// Splits message text into normalized search terms for the blind full-text index.
///
/// Documents and queries must go through the same tokenizer: the output is deterministic,
/// locale-independent and depends only on the text (and on the runtime's Unicode data).
///
/// Rules:
/// - **Normalization**: NFKC then full case folding (`ＡＢＣ１２３` → `abc123`, `ｶﾞ` → `ガ`,
///   `ﬁ` → `fi`, `Straße` → `strasse`, `İ`/`I` → `i`, `ı` stays `ı`; see ``TextNormalization``).
///   Canonically equivalent spellings (`e` + U+0301 and `é`) give the same term. ASCII never
///   reaches the Unicode normalizer. Default-ignorable characters (ZWJ, ZWNJ, soft hyphen,
///   variation selectors, BOM) are skipped without splitting a word; ZERO WIDTH SPACE splits.
/// - **Words**: maximal runs of letters, digits and combining marks. Everything else
///   separates words, including apostrophes (`don't`, `O’Neil`, U+02BC), underscores, dots
///   and hyphens (`3.14` → `3`, `14`). Punctuation, symbols and emoji produce no tokens;
///   keycaps (`1️⃣`) count as emoji. A mark with no letter before it is dropped.
/// - **Expanding symbols**: a symbol that NFKC turns into letters or digits (`™`, `㎏`, `㍻`)
///   yields its own tokens rather than gluing onto a neighbouring word (`Vellum™` →
///   `vellum`, `tm`).
/// - **CJK** (Han ideographs incl. extensions and compatibility ideographs, kana, Hangul
///   syllables): inside a run of such characters, each character yields its unigram followed
///   by the bigram with the next character of the run (`签合同吧` → `签 签合 合 合同 同 同吧 吧`),
///   so any CJK query is a consecutive phrase of the document's terms. Runs end at any other
///   character, punctuation and spaces included.
///
/// `scalarRange` of each token is in Unicode scalar offsets of the original text. Where
/// normalization changes a chunk (a base character with its combining marks, or one
/// compatibility character), every token scalar from that chunk maps to the whole chunk.
///
/// The first call builds a 64 KiB per-scalar lookup table (about 20 ms), and the first
/// non-ASCII uppercase or compatibility character builds the BMP normalization map (about
/// 20 ms); both are shared by all instances and threads afterwards.
public struct Tokenizer: Sendable {
    /// Creates a tokenizer. It holds no state; all instances behave identically.
    public init() {}

    /// The tokens of `text`, in text order, with their original scalar ranges.
    public func tokens(in text: String) -> [TextToken] {
        scan(text, into: TokenCollector(utf8Count: text.utf8.count)).tokens
    }

    /// The terms of `text`; equal to `tokens(in: text).map(\.term)` without building ranges.
    public func terms(in text: String) -> [String] {
        scan(text, into: TermCollector(utf8Count: text.utf8.count)).terms
    }

    private func scan<Sink: TokenSink>(_ text: String, into sink: Sink) -> Sink {
        guard let result = text.utf8.withContiguousStorageIfAvailable({ scan($0, into: sink) }) else {
            var contiguous = text
            contiguous.makeContiguousUTF8()
            return contiguous.utf8.withContiguousStorageIfAvailable { scan($0, into: sink) }.unsafelyUnwrapped
        }
        return result
    }

    private func scan<Sink: TokenSink>(_ bytes: UnsafeBufferPointer<UInt8>, into sink: Sink) -> Sink {
        TokenScalarTable.bmp.withUnsafeBufferPointer { table in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { scratch in
                var scanner = TokenScanner(sink: sink, table: table, scratch: TokenByteBuffer(storage: scratch))
                return scanner.scan(bytes)
            }
        }
    }
}
