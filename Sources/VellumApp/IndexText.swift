import VellumCrypto
import VellumSearch

/// Turns text into the keyed-token document the blind index stores.
enum IndexText {
    static let tokenizer = Tokenizer()

    static func keyedTokens(_ text: String, cache: inout BlindTokenCache) -> String {
        var out: [UInt8] = []
        cache.appendTokens(of: tokenizer.terms(in: text), to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
