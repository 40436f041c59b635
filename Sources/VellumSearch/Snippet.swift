/// Builds short, highlighted excerpts of message text for search results.
public enum Snippet {
    /// Opening highlight marker.
    public static let openMarker = "«"
    /// Closing highlight marker.
    public static let closeMarker = "»"
    /// Marker for text cut at either end.
    public static let ellipsis = "…"

    /// A short excerpt of `text` (about `maxScalars` Unicode scalars) around the first place where a run of
    /// consecutive tokens equals one of `phrases` (each phrase = the terms of one query word or quoted phrase),
    /// with every matched token's span wrapped in « and ». Falls back to the start of the text when nothing matches.
    /// Ellipsis "…" where text was cut.
    ///
    /// - Parameters:
    ///   - text: The original message text (not normalized).
    ///   - phrases: Query phrases as produced by `tokenizer.terms(in:)`; empty phrases are ignored.
    ///   - tokenizer: The tokenizer the phrases were produced with.
    ///   - maxScalars: Target excerpt length in scalars, markers and ellipses not counted. A match
    ///     longer than this is shown whole; cuts move to nearby whitespace, so the length varies
    ///     slightly.
    /// - Returns: The excerpt. All matches inside it are highlighted (overlapping or touching
    ///   matched tokens share one pair of markers); text is otherwise verbatim.
    public static func make(text: String, phrases: [[String]], tokenizer: Tokenizer, maxScalars: Int = 120) -> String {
        let matcher = SnippetPhraseMatcher(phrases: phrases, tokens: tokenizer.tokens(in: text))
        let window = SnippetWindow(text: text)
        let shown = window.range(focus: matcher.firstMatch, maxScalars: maxScalars)
        let scalars = window.scalars

        var out = String.UnicodeScalarView()
        if !window.isBlank(0..<shown.lowerBound) { out.append(contentsOf: ellipsis.unicodeScalars) }
        var highlights = matcher.highlights
            .map { $0.clamped(to: shown) }
            .filter { !$0.isEmpty }
            .makeIterator()
        var next = highlights.next()
        var index = shown.lowerBound
        while index < shown.upperBound {
            if let span = next, span.lowerBound == index {
                out.append(contentsOf: openMarker.unicodeScalars)
                out.append(contentsOf: scalars[span])
                out.append(contentsOf: closeMarker.unicodeScalars)
                index = span.upperBound
                next = highlights.next()
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        if !window.isBlank(shown.upperBound..<scalars.count) { out.append(contentsOf: ellipsis.unicodeScalars) }
        return String(out)
    }
}
