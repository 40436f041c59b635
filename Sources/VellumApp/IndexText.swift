import VellumCrypto
import VellumSearch

/// Turns text into the keyed-token document the blind index stores.
enum IndexText {
    static let tokenizer = Tokenizer()

    static func keyedTokens(_ text: String, cache: inout BlindTokenCache) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count * 2)
        for term in tokenizer.terms(in: text) {
            if !out.isEmpty { out.append(" ") }
            out.append(cache.token(for: term))
        }
        return out
    }
}
