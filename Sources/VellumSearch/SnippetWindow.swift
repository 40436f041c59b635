/// Chooses which part of a text a snippet shows, in original Unicode scalar offsets.
///
/// The window holds about `maxScalars` scalars, always contains the whole focus (the first
/// match), prefers to start at the beginning of the text, and otherwise centres the focus.
/// Cuts are moved to whitespace when a space is near (so words are not sliced), never split a
/// grapheme cluster (emoji sequences, letters with combining marks), and skip whitespace at
/// either end.
struct SnippetWindow {
    let scalars: [Unicode.Scalar]
    /// `isBoundary[i]`: a grapheme cluster boundary lies before scalar `i` (size `count + 1`).
    let isBoundary: [Bool]

    init(text: String) {
        scalars = Array(text.unicodeScalars)
        var boundaries = [Bool](repeating: false, count: scalars.count + 1)
        var offset = 0
        boundaries[0] = true
        for character in text {
            offset += character.unicodeScalars.count
            boundaries[offset] = true
        }
        isBoundary = boundaries
    }

    /// The scalar range to show for `focus` (or for the start of the text when `nil`).
    func range(focus: Range<Int>?, maxScalars: Int) -> Range<Int> {
        let count = scalars.count
        let limit = max(1, maxScalars)
        let focus = focus ?? 0..<0
        var start = 0
        if focus.upperBound > limit {
            start = max(0, focus.lowerBound - max(0, limit - focus.count) / 2)
            start = min(start, max(0, count - limit), focus.lowerBound)
        }
        var end = min(count, max(start + limit, focus.upperBound))
        let slack = max(1, min(20, limit / 5))
        start = adjustedStart(start, focusLower: focus.isEmpty ? end : focus.lowerBound, slack: slack)
        end = adjustedEnd(end, focusUpper: max(focus.upperBound, start), slack: slack)
        return start..<max(start, end)
    }

    /// Whether only whitespace lies in `range` (true when empty).
    func isBlank(_ range: Range<Int>) -> Bool {
        scalars[range].allSatisfy(\.properties.isWhitespace)
    }

    private func isSpace(_ index: Int) -> Bool {
        scalars[index].properties.isWhitespace
    }

    private func adjustedStart(_ proposed: Int, focusLower: Int, slack: Int) -> Int {
        var start = proposed
        if start > 0, start < focusLower, !isSpace(start - 1), !isSpace(start) {
            let searchEnd = min(focusLower, start + slack)
            if let space = (start..<searchEnd).first(where: isSpace) { start = space + 1 }
        }
        while start > 0, !isBoundary[start] { start -= 1 }
        while start < focusLower, isSpace(start) { start += 1 }
        return start
    }

    private func adjustedEnd(_ proposed: Int, focusUpper: Int, slack: Int) -> Int {
        let count = scalars.count
        var end = proposed
        if end < count, end > focusUpper, !isSpace(end - 1), !isSpace(end) {
            let searchStart = max(focusUpper, end - slack)
            if let space = (searchStart..<end).reversed().first(where: isSpace) { end = space }
        }
        while end < count, !isBoundary[end] { end += 1 }
        while end > focusUpper, isSpace(end - 1) { end -= 1 }
        return end
    }
}
