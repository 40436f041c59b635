import VellumSurveillance

/// Shared engines: building one compiles the automata, so tests reuse them.
enum Engines {
    static let detectorsOnly = ScanEngine(lexicons: [])
    static let full = ScanEngine()
}

/// Detector findings (no lexicons) for `text`.
func detect(_ text: String) -> [Finding] { Engines.detectorsOnly.scan(text) }

/// The detector ids found in `text`.
func detectorIDs(_ text: String) -> [String] { detect(text).map(\.detector) }

/// Scalar offset of `needle` in `text` (first occurrence), and its end.
func scalarSpan(of needle: String, in text: String) -> (start: Int, end: Int)? {
    let hay = Array(text.unicodeScalars)
    let pin = Array(needle.unicodeScalars)
    guard pin.count <= hay.count else { return nil }
    for i in 0...(hay.count - pin.count) where Array(hay[i..<(i + pin.count)]) == pin {
        return (i, i + pin.count)
    }
    return nil
}

/// Letters and digits of a string, for "mask never holds the value" checks.
func alphanumerics(_ s: String) -> String {
    String(s.unicodeScalars.filter { ($0.value >= 0x30 && $0.value <= 0x39) || ($0.value | 0x20 >= 0x61 && $0.value | 0x20 <= 0x7A) }.map(Character.init))
}
